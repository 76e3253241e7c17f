namespace Minwon.Core.TextSafety;

/// <summary>
/// The trained abuse classifier: logistic regression over <see cref="AbuseFeatures"/> (hashed n-grams and lexicon
/// evidence), optionally with a one-hidden-layer network over the same features added to its logit (wide and deep:
/// <see cref="AbuseHiddenLayer"/>, issue 13). <see cref="Shift"/> moves the decision so that the calibrated threshold
/// reads as probability 0.5.
/// The shipped model (Model/abuse-model.bin, trained on CC BY-SA 4.0 data, see Model/NOTICE.md) is compiled into
/// this assembly; <see cref="Read"/> loads a retrained one. Immutable after construction, so thread-safe.
/// </summary>
public sealed class AbuseModel
{
    private const uint Magic = 0x4D425341; // "ASBM"
    private const int Version = 1;
    private const int HiddenVersion = 2;
    private const int StackVersion = 3;

    internal AbuseModel(int bits, float[] weights, float bias, float shift, string description, AbuseHiddenLayer? hidden = null, AbuseStack? stack = null)
    {
        if (bits is < 10 or > 24 || weights.Length != 1 << bits)
        {
            throw new ArgumentException("The weight table must have 2^bits entries, 10 <= bits <= 24.", nameof(weights));
        }

        Bits = bits;
        Weights = weights;
        Bias = bias;
        Shift = shift;
        Description = description;
        Hidden = hidden;
        Stack = stack;
    }

    /// <summary>The stacked views and meta-model (issue 13, session 7), or null for one linear model.</summary>
    internal AbuseStack? Stack { get; }

    /// <summary>The network part, or null for the linear model alone.</summary>
    internal AbuseHiddenLayer? Hidden { get; }

    public int Bits { get; }

    public float Bias { get; }

    /// <summary>Added to the logit: −logit(calibrated threshold).</summary>
    public float Shift { get; }

    /// <summary>What the model was trained on, when, and its calibration (written by the trainer).</summary>
    public string Description { get; }

    internal float[] Weights { get; }

    internal int Mask => (1 << Bits) - 1;

    /// <summary>The model compiled into Minwon.Core, or null when the build has none.</summary>
    public static AbuseModel? Shipped() => ShippedModel.Value;

    private static readonly Lazy<AbuseModel?> ShippedModel = new(() =>
    {
        using var stream = typeof(AbuseModel).Assembly.GetManifestResourceStream("Minwon.Core.Data.abuse-model.bin");
        return stream is null ? null : Read(stream);
    });

    internal double RawLogit(List<(int Index, float Value)> features)
    {
        double z = Bias;
        foreach (var (index, value) in features)
        {
            z += Weights[index] * value;
        }

        return Hidden is null ? z : z + Hidden.Logit(features);
    }

    internal double Probability(List<(int Index, float Value)> features) => Sigmoid(RawLogit(features) + Shift);

    /// <summary>The logit of a stacked model (or of the plain one when it has no stack), before <see cref="Shift"/>.</summary>
    internal double RawLogit(List<(int Index, float Value)> features, ReadOnlySpan<int> groupEnds, Span<double> cues) =>
        Stack is null ? RawLogit(features) : Stack.Logit(Weights, features, groupEnds, cues);

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    internal AbuseModel WithShift(float shift, string description) => new(Bits, Weights, Bias, shift, description, Hidden, Stack);

    /// <summary>
    /// Binary format: magic, version (1 linear, 2 with the network), bits, bias, shift, description (UTF-8), then 2^bits
    /// weights as half floats; version 2 then holds the network (<see cref="AbuseHiddenLayer.Write"/>), version 3 the
    /// stacked views and meta-model (<see cref="AbuseStack.Write"/>).
    /// </summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Stack is not null ? StackVersion : Hidden is null ? Version : HiddenVersion);
        writer.Write(Bits);
        writer.Write(Bias);
        writer.Write(Shift);
        writer.Write(Description);
        foreach (var w in Weights)
        {
            writer.Write((Half)w);
        }

        Hidden?.Write(writer);
        Stack?.Write(writer);
    }

    public static AbuseModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var version = reader.ReadUInt32() == Magic ? reader.ReadInt32() : 0;
        if (version is not (Version or HiddenVersion or StackVersion))
        {
            throw new InvalidDataException("Not a Minwon abuse model (version 1, 2 or 3).");
        }

        var bits = reader.ReadInt32();
        if (bits is < 10 or > 24)
        {
            throw new InvalidDataException($"Abuse model table size 2^{bits} is out of range.");
        }

        var bias = reader.ReadSingle();
        var shift = reader.ReadSingle();
        var description = reader.ReadString();
        var weights = new float[1 << bits];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)reader.ReadHalf();
        }

        var hidden = version == HiddenVersion ? AbuseHiddenLayer.Read(reader) : null;
        var stack = version == StackVersion ? AbuseStack.Read(reader, weights.Length) : null;
        return new AbuseModel(bits, weights, bias, shift, description, hidden, stack);
    }
}
