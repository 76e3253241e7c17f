namespace Minwon.Core.TextSafety;

/// <summary>
/// The stacked part of <see cref="AbuseModel"/> (issue 13, session 7): several linear models, each over one view of the
/// hashed features (<see cref="AbuseFeatures"/> groups: all of them; the surface of the line, its characters, words and
/// word stems; its sound, jamo and 초성; the de-obfuscated text and the lexicon), and a logistic meta-model over their
/// logits and a few dense cues (the lexicon's strongest label score, whether the line talks about a city service,
/// whether it names someone, its length). The meta-model was fitted on out-of-fold logits (each base model scored the
/// lines it did not learn from), so it learns how far to trust each view and where they disagree. The first view's
/// table is <see cref="AbuseModel.Weights"/>; the other views have tables of the same size.
/// </summary>
internal sealed class AbuseStack
{
    /// <summary>Dense cues after the base logits: lexicon score, service cue, target cue, log length, two interactions.</summary>
    public const int DenseCount = 6;

    public AbuseStack(int[] views, float[][] tables, float[] biases, float[] meta, float metaBias)
    {
        if (views.Length == 0 || tables.Length != views.Length - 1 || biases.Length != views.Length || meta.Length != views.Length + DenseCount)
        {
            throw new ArgumentException("A stack needs one group set and bias per view, a table per extra view and a meta weight per input.");
        }

        Views = views;
        Tables = tables;
        Biases = biases;
        Meta = meta;
        MetaBias = metaBias;
    }

    /// <summary>Per view, a bit set of <see cref="AbuseFeatures"/> groups.</summary>
    public int[] Views { get; }

    /// <summary>Weight tables of views 1.. (view 0 uses the model's own table).</summary>
    public float[][] Tables { get; }

    public float[] Biases { get; }

    public float[] Meta { get; }

    public float MetaBias { get; }

    /// <summary>The logit of one view over the features of its groups.</summary>
    public static double ViewLogit(float[] table, float bias, int view, List<(int Index, float Value)> features, ReadOnlySpan<int> groupEnds)
    {
        double z = bias;
        var start = 0;
        for (var g = 0; g < AbuseFeatures.GroupCount; g++)
        {
            var end = groupEnds[g];
            if ((view & (1 << g)) != 0)
            {
                for (var i = start; i < end; i++)
                {
                    var (index, value) = features[i];
                    z += table[index] * value;
                }
            }

            start = end;
        }

        return z;
    }

    /// <summary>The dense cues of a line; <paramref name="cues"/> has <see cref="DenseCount"/> entries, the first base logit is filled in later.</summary>
    public static void Dense(string flat, double lexiconScore, int length, Span<double> cues)
    {
        cues[0] = lexiconScore;
        cues[1] = ComplaintGuard.HasServiceCue(flat) ? 1 : 0;
        cues[2] = ComplaintGuard.HasTargetCue(flat) ? 1 : 0;
        cues[3] = Math.Log(1 + length) / 5;
        cues[4] = 0;
        cues[5] = 0;
    }

    /// <summary>Fills the interaction cues, which need the first view's logit.</summary>
    public static void Interactions(double firstLogit, Span<double> cues)
    {
        cues[4] = firstLogit * cues[1];
        cues[5] = firstLogit * cues[2];
    }

    public double Logit(float[] firstTable, List<(int Index, float Value)> features, ReadOnlySpan<int> groupEnds, Span<double> cues)
    {
        double z = MetaBias;
        double first = 0;
        for (var v = 0; v < Views.Length; v++)
        {
            var logit = ViewLogit(v == 0 ? firstTable : Tables[v - 1], Biases[v], Views[v], features, groupEnds);
            first = v == 0 ? logit : first;
            z += Meta[v] * logit;
        }

        Interactions(first, cues);
        for (var d = 0; d < DenseCount; d++)
        {
            z += Meta[Views.Length + d] * cues[d];
        }

        return z;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Views.Length);
        foreach (var view in Views)
        {
            writer.Write(view);
        }

        foreach (var b in Biases)
        {
            writer.Write(b);
        }

        writer.Write(MetaBias);
        foreach (var m in Meta)
        {
            writer.Write(m);
        }

        foreach (var table in Tables)
        {
            foreach (var w in table)
            {
                writer.Write((Half)w);
            }
        }
    }

    public static AbuseStack Read(BinaryReader reader, int tableSize)
    {
        var count = reader.ReadInt32();
        if (count is < 1 or > 8)
        {
            throw new InvalidDataException($"Abuse model stack of {count} views is out of range.");
        }

        var views = new int[count];
        for (var v = 0; v < count; v++)
        {
            views[v] = reader.ReadInt32();
        }

        var biases = new float[count];
        for (var v = 0; v < count; v++)
        {
            biases[v] = reader.ReadSingle();
        }

        var metaBias = reader.ReadSingle();
        var meta = new float[count + DenseCount];
        for (var m = 0; m < meta.Length; m++)
        {
            meta[m] = reader.ReadSingle();
        }

        var tables = new float[count - 1][];
        for (var t = 0; t < tables.Length; t++)
        {
            var table = new float[tableSize];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = (float)reader.ReadHalf();
            }

            tables[t] = table;
        }

        return new AbuseStack(views, tables, biases, meta, metaBias);
    }
}
