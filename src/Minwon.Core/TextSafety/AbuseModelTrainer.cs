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

    public sealed record Options(int Bits = 18, int Epochs = 6, double LearningRate = 0.05, double L2 = 1e-7, int Seed = 13, double NbAlpha = 1);

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

                var g = (AbuseModel.Sigmoid(z) - (examples[i].Abusive ? 1 : 0)) * examples[i].Weight;
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

        return new AbuseModel(options.Bits, [.. weights.Select(w => (float)w)], (float)bias, 0, description);
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
    /// most <paramref name="maxFlaggedComplaints"/> of <paramref name="complaints"/> (angry but ordinary lines).
    /// Returns the model shifted so that threshold reads as 0.5.
    /// </summary>
    public static (AbuseModel Model, double Threshold, double F1, double ComplaintsFlagged) Calibrate(
        AbuseModel model, IReadOnlyList<Example> calibration, IReadOnlyList<string> complaints, double maxFlaggedComplaints, string description,
        TextWriter? curve = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var detector = new AbuseDetector(new TextSafetyOptions(), model.WithShift(0, description));
        var scored = calibration.Select(e => (P: detector.Classify(e.Text).Score, e.Abusive)).ToList();
        var angry = complaints.Select(t => detector.Classify(t).Score).ToList();
        var best = (Threshold: 0.5, F1: -1.0, Flagged: 1.0);
        for (var t = 0.20; t <= 0.951; t += 0.01)
        {
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
            if (f1 > best.F1 && flagged <= maxFlaggedComplaints)
            {
                best = (t, f1, flagged);
            }
        }

        var shift = (float)-Math.Log(best.Threshold / (1 - best.Threshold));
        return (model.WithShift(shift, description), best.Threshold, best.F1, best.Flagged);
    }
}
