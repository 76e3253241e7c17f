namespace Minwon.Core.TextSafety;

/// <summary>
/// Trains a stacked <see cref="AbuseModel"/> (issue 13, session 7): one NBSVM-style logistic regression per view of
/// the features (the same learner as <see cref="AbuseModelTrainer.Train"/>, restricted to the view's groups), scored
/// out of fold (k folds, seeded) to fit a logistic meta-model by Newton's method on the views' logits and
/// <see cref="AbuseStack"/>'s dense cues, then each view retrained on every line. Used by `minwon text train-abuse
/// --stack`; never at run time.
/// </summary>
public static class AbuseStackTrainer
{
    /// <summary>Group sets of the default views: all groups; surface (characters, words, stems); sound (jamo, 초성); normalised text and lexicon.</summary>
    public static IReadOnlyList<int> DefaultViews { get; } =
    [
        0b1111111,
        (1 << AbuseFeatures.Chars) | (1 << AbuseFeatures.Words) | (1 << AbuseFeatures.Stems),
        (1 << AbuseFeatures.Jamo) | (1 << AbuseFeatures.Leads),
        (1 << AbuseFeatures.Normalised) | (1 << AbuseFeatures.Lexicon),
    ];

    /// <summary>Set on a view: its model is multinomial naive Bayes (the log-count ratios themselves), not the regression.</summary>
    public const int NaiveBayes = 1 << 7;

    public static AbuseModel Train(
        IReadOnlyList<AbuseModelTrainer.Example> examples, AbuseModelTrainer.Options options, IReadOnlyList<int> views, int folds, string description,
        TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count is < 1 or > 8 || folds < 2)
        {
            throw new ArgumentException("A stack needs 1-8 views and at least 2 folds.");
        }

        var detector = new AbuseDetector(new TextSafetyOptions(), model: null);
        var mask = (1 << options.Bits) - 1;
        var n = examples.Count;
        var byView = new (int Index, float Value)[views.Count][][];
        for (var v = 0; v < views.Count; v++)
        {
            byView[v] = new (int, float)[n][];
        }

        var cues = new double[n][];
        var buffer = new List<(int Index, float Value)>();
        Span<int> ends = stackalloc int[AbuseFeatures.GroupCount];
        for (var i = 0; i < n; i++)
        {
            cues[i] = new double[AbuseStack.DenseCount];
            detector.StackFeatures(examples[i].Text, mask, buffer, ends, cues[i]);
            for (var v = 0; v < views.Count; v++)
            {
                var row = new List<(int, float)>(buffer.Count);
                var start = 0;
                for (var g = 0; g < AbuseFeatures.GroupCount; g++)
                {
                    if ((views[v] & (1 << g)) != 0)
                    {
                        for (var k = start; k < ends[g]; k++)
                        {
                            row.Add(buffer[k]);
                        }
                    }

                    start = ends[g];
                }

                byView[v][i] = [.. row];
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fold = new int[n];
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        for (var i = 0; i < n; i++)
        {
            fold[order[i]] = i % folds;
        }

        var outOfFold = new double[n][];
        for (var i = 0; i < n; i++)
        {
            outOfFold[i] = new double[views.Count];
        }

        for (var f = 0; f < folds; f++)
        {
            var trainIndexes = Enumerable.Range(0, n).Where(i => fold[i] != f).ToArray();
            for (var v = 0; v < views.Count; v++)
            {
                var (weights, bias) = TrainView(examples, byView[v], trainIndexes, mask, options, views[v]);
                for (var i = 0; i < n; i++)
                {
                    if (fold[i] == f)
                    {
                        outOfFold[i][v] = Logit(weights, bias, byView[v][i]);
                    }
                }
            }

            log?.WriteLine($"  stack: fold {f + 1}/{folds} done ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var inputs = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var x = new double[views.Count + AbuseStack.DenseCount];
            outOfFold[i].CopyTo(x, 0);
            var dense = (double[])cues[i].Clone();
            AbuseStack.Interactions(outOfFold[i][0], dense);
            dense.CopyTo(x, views.Count);
            inputs[i] = x;
        }

        var (meta, metaBias) = FitMeta(inputs, examples);
        log?.WriteLine($"  stack: meta weights {string.Join(" ", meta.Select(m => m.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}, bias {metaBias:0.000}");

        var all = Enumerable.Range(0, n).ToArray();
        var tables = new float[views.Count][];
        var biases = new float[views.Count];
        for (var v = 0; v < views.Count; v++)
        {
            var (weights, bias) = TrainView(examples, byView[v], all, mask, options, views[v]);
            tables[v] = [.. weights.Select(w => (float)w)];
            biases[v] = (float)bias;
        }

        var stack = new AbuseStack([.. views], tables[1..], biases, [.. meta.Select(m => (float)m)], (float)metaBias);
        return new AbuseModel(options.Bits, tables[0], biases[0], 0, description, stack: stack);
    }

    private static double Logit(double[] weights, double bias, (int Index, float Value)[] row)
    {
        var z = bias;
        foreach (var (index, value) in row)
        {
            z += (float)weights[index] * value;
        }

        return z;
    }

    private static (double[] Weights, double Bias) TrainView(
        IReadOnlyList<AbuseModelTrainer.Example> examples, (int Index, float Value)[][] rows, int[] lines, int mask, AbuseModelTrainer.Options options, int view) =>
        (view & NaiveBayes) != 0 ? TrainNaiveBayes(examples, rows, lines, mask, options) : TrainLinear(examples, rows, lines, mask, options);

    /// <summary>Multinomial naive Bayes: the weight of a feature is its log-count ratio, the bias the log prior ratio.</summary>
    private static (double[] Weights, double Bias) TrainNaiveBayes(
        IReadOnlyList<AbuseModelTrainer.Example> examples, (int Index, float Value)[][] rows, int[] lines, int mask, AbuseModelTrainer.Options options)
    {
        var positive = new double[mask + 1];
        var negative = new double[mask + 1];
        double positiveLines = 0, negativeLines = 0;
        foreach (var i in lines)
        {
            var counts = examples[i].Abusive ? positive : negative;
            if (examples[i].Abusive)
            {
                positiveLines += examples[i].Weight;
            }
            else
            {
                negativeLines += examples[i].Weight;
            }

            foreach (var (index, value) in rows[i])
            {
                counts[index] += Math.Abs(value) * examples[i].Weight;
            }
        }

        double p = 0, q = 0;
        for (var k = 0; k <= mask; k++)
        {
            p += positive[k] + options.NbAlpha;
            q += negative[k] + options.NbAlpha;
        }

        var weights = new double[mask + 1];
        for (var k = 0; k <= mask; k++)
        {
            weights[k] = Math.Log((positive[k] + options.NbAlpha) / p / ((negative[k] + options.NbAlpha) / q));
        }

        return (weights, Math.Log(positiveLines / Math.Max(1, negativeLines)));
    }

    /// <summary>NBSVM logistic regression by AdaGrad on the given lines (as <see cref="AbuseModelTrainer.Train"/>), ratios folded into the weights.</summary>
    private static (double[] Weights, double Bias) TrainLinear(
        IReadOnlyList<AbuseModelTrainer.Example> examples, (int Index, float Value)[][] rows, int[] lines, int mask, AbuseModelTrainer.Options options)
    {
        var positive = new double[mask + 1];
        var negative = new double[mask + 1];
        foreach (var i in lines)
        {
            var counts = examples[i].Abusive ? positive : negative;
            foreach (var (index, value) in rows[i])
            {
                counts[index] += Math.Abs(value) * examples[i].Weight;
            }
        }

        double p = 0, q = 0;
        for (var k = 0; k <= mask; k++)
        {
            p += positive[k] + options.NbAlpha;
            q += negative[k] + options.NbAlpha;
        }

        var ratios = new double[mask + 1];
        for (var k = 0; k <= mask; k++)
        {
            ratios[k] = Math.Abs(Math.Log((positive[k] + options.NbAlpha) / p / ((negative[k] + options.NbAlpha) / q)));
        }

        var weights = new double[mask + 1];
        var squares = new double[mask + 1];
        double bias = 0, biasSquares = 0;
        var order = (int[])lines.Clone();
        var random = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var z = bias;
                foreach (var (index, value) in rows[i])
                {
                    z += weights[index] * value * ratios[index];
                }

                var g = (AbuseModel.Sigmoid(z) - (examples[i].Abusive ? 1 : 0)) * examples[i].Weight;
                biasSquares += g * g;
                bias -= options.LearningRate * g / Math.Sqrt(biasSquares + 1e-8);
                foreach (var (index, value) in rows[i])
                {
                    var gi = g * value * ratios[index] + options.L2 * weights[index];
                    squares[index] += gi * gi;
                    weights[index] -= options.LearningRate * gi / Math.Sqrt(squares[index] + 1e-8);
                }
            }
        }

        for (var k = 0; k <= mask; k++)
        {
            weights[k] *= ratios[k];
        }

        return (weights, bias);
    }

    /// <summary>Weighted logistic regression on a few dense inputs by Newton's method (small ridge for stability).</summary>
    private static (double[] Weights, double Bias) FitMeta(double[][] inputs, IReadOnlyList<AbuseModelTrainer.Example> examples)
    {
        var d = inputs[0].Length + 1;
        var beta = new double[d];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var i = 0; i < inputs.Length; i++)
            {
                var z = beta[d - 1];
                for (var j = 0; j < d - 1; j++)
                {
                    z += beta[j] * inputs[i][j];
                }

                var prob = AbuseModel.Sigmoid(z);
                var w = examples[i].Weight;
                var r = (prob - (examples[i].Abusive ? 1 : 0)) * w;
                var s = prob * (1 - prob) * w;
                for (var j = 0; j < d; j++)
                {
                    var xj = j == d - 1 ? 1 : inputs[i][j];
                    gradient[j] += r * xj;
                    for (var k = 0; k <= j; k++)
                    {
                        var xk = k == d - 1 ? 1 : inputs[i][k];
                        hessian[j, k] += s * xj * xk;
                    }
                }
            }

            for (var j = 0; j < d; j++)
            {
                gradient[j] += 1e-3 * beta[j];
                hessian[j, j] += 1e-3;
                for (var k = 0; k < j; k++)
                {
                    hessian[k, j] = hessian[j, k];
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < d; j++)
            {
                beta[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-7)
            {
                break;
            }
        }

        return (beta[..^1], beta[^1]);
    }

    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                x[r] -= f * x[c];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var k = r + 1; k < n; k++)
            {
                x[r] -= m[r, k] * x[k];
            }

            x[r] /= m[r, r];
        }

        return x;
    }
}
