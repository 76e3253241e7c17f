namespace Minwon.Core.TextSafety;

/// <summary>
/// Trains <see cref="AbuseModel"/>: logistic regression over naive-Bayes-scaled features (NBSVM) by AdaGrad over
/// shuffled epochs (seeded, so a retrain on the same data gives the same model), then calibrates the decision threshold
/// on lines kept apart from training.
/// Used by `minwon text train-abuse`; never at run time.
/// </summary>
public static class AbuseModelTrainer
{
    public sealed record Example(string Text, bool Abusive, float Weight = 1);

    /// <param name="HiddenBits">Rows of the network part as a power of two; 0 trains the linear model alone.</param>
    /// <param name="HiddenWidth">Hidden units of the network part.</param>
    /// <param name="HiddenLearningRate">AdaGrad step of the network part.</param>
    public sealed record Options(
        int Bits = 18, int Epochs = 6, double LearningRate = 0.05, double L2 = 1e-7, int Seed = 13, double NbAlpha = 1,
        int HiddenBits = 0, int HiddenWidth = 16, double HiddenLearningRate = 0.02);

    public static AbuseModel Train(IReadOnlyList<Example> examples, Options options, string description)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var detector = new AbuseDetector(new TextSafetyOptions(), model: null);
        var mask = (1 << options.Bits) - 1;
        var encoded = new (int Index, float Value)[examples.Count][];
        var buffer = new List<(int Index, float Value)>();
        for (var i = 0; i < examples.Count; i++)
        {
            detector.Features(examples[i].Text, mask, buffer);
            encoded[i] = [.. buffer];
        }

        var raw = options.HiddenBits > 0 ? encoded.Select(r => ((int Index, float Value)[])r.Clone()).ToArray() : null;
        var ratios = NaiveBayesRatios(examples, encoded, mask, options.NbAlpha);
        if (ratios is not null)
        {
            foreach (var row in encoded)
            {
                for (var k = 0; k < row.Length; k++)
                {
                    row[k] = (row[k].Index, (float)(row[k].Value * ratios[row[k].Index]));
                }
            }
        }

        var weights = new double[mask + 1];
        var squares = new double[mask + 1];
        double bias = 0, biasSquares = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var network = raw is null ? null : new NetworkTrainer(options, random);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var z = bias;
                foreach (var (index, value) in encoded[i])
                {
                    z += weights[index] * value;
                }

                z += network?.Forward(raw![i]) ?? 0;
                var g = (AbuseModel.Sigmoid(z) - (examples[i].Abusive ? 1 : 0)) * examples[i].Weight;
                network?.Backward(raw![i], g);
                biasSquares += g * g;
                bias -= options.LearningRate * g / Math.Sqrt(biasSquares + 1e-8);
                foreach (var (index, value) in encoded[i])
                {
                    var gi = g * value + options.L2 * weights[index];
                    squares[index] += gi * gi;
                    weights[index] -= options.LearningRate * gi / Math.Sqrt(squares[index] + 1e-8);
                }
            }
        }

        if (ratios is not null)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= ratios[i];
            }
        }

        return new AbuseModel(options.Bits, [.. weights.Select(w => (float)w)], (float)bias, 0, description, network?.Build());
    }

    /// <summary>
    /// Trains <see cref="AbuseHiddenLayer"/> jointly with the linear weights (one shared logit, one gradient): rows and
    /// output weights start small and random (seeded), each parameter has its own AdaGrad step.
    /// </summary>
    private sealed class NetworkTrainer
    {
        private readonly Options options;
        private readonly int width;
        private readonly int mask;
        private readonly double[] rows;
        private readonly double[] rowSquares;
        private readonly double[] hiddenBias;
        private readonly double[] hiddenBiasSquares;
        private readonly double[] output;
        private readonly double[] outputSquares;
        private readonly double[] hidden;
        private double outputBias;
        private double outputBiasSquares;

        public NetworkTrainer(Options options, Random random)
        {
            this.options = options;
            width = options.HiddenWidth;
            mask = (1 << options.HiddenBits) - 1;
            rows = new double[(mask + 1) * width];
            rowSquares = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = (random.NextDouble() - 0.5) * 0.2;
            }

            hiddenBias = new double[width];
            hiddenBiasSquares = new double[width];
            output = new double[width];
            outputSquares = new double[width];
            for (var j = 0; j < width; j++)
            {
                output[j] = (random.NextDouble() - 0.5) * 0.2;
            }

            hidden = new double[width];
        }

        public double Forward((int Index, float Value)[] features)
        {
            Array.Copy(hiddenBias, hidden, width);
            foreach (var (index, value) in features)
            {
                var row = (index & mask) * width;
                for (var j = 0; j < width; j++)
                {
                    hidden[j] += rows[row + j] * value;
                }
            }

            var z = outputBias;
            for (var j = 0; j < width; j++)
            {
                z += Math.Max(0, hidden[j]) * output[j];
            }

            return z;
        }

        /// <summary>Applies the gradient <paramref name="g"/> of the loss by the logit (after <see cref="Forward"/> on the same line).</summary>
        public void Backward((int Index, float Value)[] features, double g)
        {
            var rate = options.HiddenLearningRate;
            Step(ref outputBias, ref outputBiasSquares, g, rate);
            Span<double> gh = stackalloc double[width];
            for (var j = 0; j < width; j++)
            {
                var active = hidden[j] > 0;
                gh[j] = active ? g * output[j] : 0;
                if (active)
                {
                    Step(ref output[j], ref outputSquares[j], g * hidden[j], rate);
                    Step(ref hiddenBias[j], ref hiddenBiasSquares[j], gh[j], rate);
                }
            }

            foreach (var (index, value) in features)
            {
                var row = (index & mask) * width;
                for (var j = 0; j < width; j++)
                {
                    if (gh[j] != 0)
                    {
                        Step(ref rows[row + j], ref rowSquares[row + j], gh[j] * value + options.L2 * rows[row + j], rate);
                    }
                }
            }
        }

        private static void Step(ref double parameter, ref double squares, double gradient, double rate)
        {
            squares += gradient * gradient;
            parameter -= rate * gradient / Math.Sqrt(squares + 1e-8);
        }

        public AbuseHiddenLayer Build() => new(
            options.HiddenBits, width, [.. rows.Select(w => (float)w)], [.. hiddenBias.Select(b => (float)b)], [.. output.Select(w => (float)w)], (float)outputBias);
    }

    /// <summary>
    /// NBSVM-style scaling (Wang and Manning, ACL 2012): each feature is multiplied by the magnitude of its naive-Bayes
    /// log-count ratio (Laplace smoothing <paramref name="alpha"/>), so the regression starts from what tells the classes
    /// apart; the ratios are folded into the weights afterwards, so scoring is unchanged. Null when alpha is 0 (off).
    /// </summary>
    private static double[]? NaiveBayesRatios(IReadOnlyList<Example> examples, (int Index, float Value)[][] encoded, int mask, double alpha)
    {
        if (alpha <= 0)
        {
            return null;
        }

        var positive = new double[mask + 1];
        var negative = new double[mask + 1];
        for (var i = 0; i < encoded.Length; i++)
        {
            var counts = examples[i].Abusive ? positive : negative;
            foreach (var (index, value) in encoded[i])
            {
                counts[index] += Math.Abs(value) * examples[i].Weight;
            }
        }

        double p = 0, q = 0;
        for (var i = 0; i <= mask; i++)
        {
            p += positive[i] + alpha;
            q += negative[i] + alpha;
        }

        var ratios = new double[mask + 1];
        for (var i = 0; i <= mask; i++)
        {
            ratios[i] = Math.Abs(Math.Log((positive[i] + alpha) / p / ((negative[i] + alpha) / q)));
        }

        return ratios;
    }

    /// <summary>
    /// The threshold on the model's probability that maximises F1 on <paramref name="calibration"/> while flagging at
    /// most <paramref name="maxFlaggedComplaints"/> of <paramref name="complaints"/> (angry but ordinary lines); of the
    /// thresholds whose F1 is within <paramref name="f1Tolerance"/> of that best, the highest (issue 13: the F1 curve is
    /// flat near its top, and the higher threshold leaves more room below it for complaints the development lines do not
    /// show). Returns the model shifted so that threshold reads as 0.5.
    /// </summary>
    public static (AbuseModel Model, double Threshold, double F1, double ComplaintsFlagged) Calibrate(
        AbuseModel model, IReadOnlyList<Example> calibration, IReadOnlyList<string> complaints, double maxFlaggedComplaints, string description,
        TextWriter? curve = null, double f1Tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        var detector = new AbuseDetector(new TextSafetyOptions(), model.WithShift(0, description));
        var scored = calibration.Select(e => (P: detector.Classify(e.Text).Score, e.Abusive)).ToList();
        var angry = complaints.Select(t => detector.Classify(t).Score).ToList();
        var best = (Threshold: 0.5, F1: -1.0, Flagged: 1.0);
        var allowed = new List<(double Threshold, double F1, double Flagged)>();
        for (var step = 20; step <= 95; step++)
        {
            var t = step / 100.0;
            var flagged = angry.Count == 0 ? 0 : (double)angry.Count(p => p >= t) / angry.Count;

            int tp = 0, fp = 0, fn = 0;
            foreach (var (p, abusive) in scored)
            {
                tp += p >= t && abusive ? 1 : 0;
                fp += p >= t && !abusive ? 1 : 0;
                fn += p < t && abusive ? 1 : 0;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            curve?.WriteLine($"  threshold {t:0.00}: F1 {f1:0.000} (precision {(tp + fp == 0 ? 1 : (double)tp / (tp + fp)):0.000}, recall {(double)tp / Math.Max(1, tp + fn):0.000}), complaints flagged {flagged:P1}");
            if (flagged <= maxFlaggedComplaints)
            {
                allowed.Add((t, f1, flagged));
                if (f1 > best.F1)
                {
                    best = (t, f1, flagged);
                }
            }
        }

        var bestF1 = best.F1;
        foreach (var point in allowed)
        {
            if (point.F1 >= bestF1 - f1Tolerance && point.Threshold > best.Threshold)
            {
                best = point;
            }
        }

        var shift = (float)-Math.Log(best.Threshold / (1 - best.Threshold));
        return (model.WithShift(shift, description), best.Threshold, best.F1, best.Flagged);
    }
}
