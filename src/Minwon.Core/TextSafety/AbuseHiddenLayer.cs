namespace Minwon.Core.TextSafety;

/// <summary>
/// The nonlinear part of <see cref="AbuseModel"/> (issue 13): a one-hidden-layer network over the same hashed features,
/// fastText-like. Each feature index, folded into 2^<see cref="Bits"/> rows, owns a row of <see cref="Width"/> input
/// weights; the hidden units are the weighted sum of the line's rows plus a bias, through a ReLU, and their weighted sum
/// is added to the linear model's logit. So pairs of cues can count together (a second-person word next to a
/// comparison, a group name next to contempt), which a linear model cannot express. Rows are stored as half floats
/// and held as floats; scoring costs one row (one cache line at width 16) per feature.
/// </summary>
internal sealed class AbuseHiddenLayer
{
    public AbuseHiddenLayer(int bits, int width, float[] rows, float[] hiddenBias, float[] output, float outputBias)
    {
        if (bits is < 8 or > 20 || width is < 1 or > 64 || rows.Length != (1 << bits) * width || hiddenBias.Length != width || output.Length != width)
        {
            throw new ArgumentException("The hidden layer needs 2^bits rows of width weights, 8 <= bits <= 20, 1 <= width <= 64.");
        }

        Bits = bits;
        Width = width;
        Rows = rows;
        HiddenBias = hiddenBias;
        Output = output;
        OutputBias = outputBias;
    }

    public int Bits { get; }

    public int Width { get; }

    public float[] Rows { get; }

    public float[] HiddenBias { get; }

    public float[] Output { get; }

    public float OutputBias { get; }

    public int Mask => (1 << Bits) - 1;

    public double Logit(List<(int Index, float Value)> features)
    {
        var width = Width;
        Span<float> hidden = stackalloc float[width];
        HiddenBias.CopyTo(hidden);
        var rows = Rows.AsSpan();
        var mask = Mask;
        foreach (var (index, value) in features)
        {
            var row = rows.Slice((index & mask) * width, width);
            for (var j = 0; j < width; j++)
            {
                hidden[j] += row[j] * value;
            }
        }

        double z = OutputBias;
        for (var j = 0; j < width; j++)
        {
            if (hidden[j] > 0)
            {
                z += hidden[j] * Output[j];
            }
        }

        return z;
    }

    /// <summary>bits, width, output bias, then width hidden biases and output weights (floats), then the rows (half floats).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Width);
        writer.Write(OutputBias);
        foreach (var b in HiddenBias)
        {
            writer.Write(b);
        }

        foreach (var w in Output)
        {
            writer.Write(w);
        }

        foreach (var w in Rows)
        {
            writer.Write((Half)w);
        }
    }

    public static AbuseHiddenLayer Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var width = reader.ReadInt32();
        if (bits is < 8 or > 20 || width is < 1 or > 64)
        {
            throw new InvalidDataException($"Abuse model hidden layer 2^{bits} x {width} is out of range.");
        }

        var outputBias = reader.ReadSingle();
        var hiddenBias = new float[width];
        var output = new float[width];
        for (var j = 0; j < width; j++)
        {
            hiddenBias[j] = reader.ReadSingle();
        }

        for (var j = 0; j < width; j++)
        {
            output[j] = reader.ReadSingle();
        }

        var rows = new float[(1 << bits) * width];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)reader.ReadHalf();
        }

        return new AbuseHiddenLayer(bits, width, rows, hiddenBias, output, outputBias);
    }
}
