namespace Minwon.Core.TextSafety;

/// <summary>
/// Classifies one message as profanity, insult, threat, sexual harassment or none, with a score and the evidence.
/// Normalises evasions first (ㅅㅂ, 시.발, 시1발, tlqkf, 씨이이발), then matches a curated lexicon with
/// allow-words and context rules. Each piece of evidence carries a weight, read as the chance that a line holding
/// it is abusive; a label's score combines its evidence as independent cues (1 - Π(1 - w)).
/// Thread-safe: the lexicon is built once in the constructor and only read afterwards.
/// </summary>
public sealed class AbuseDetector
{
    private readonly AbuseLexicon lexicon;
    private readonly TextSafetyOptions options;

    public AbuseDetector()
        : this(new TextSafetyOptions())
    {
    }

    public AbuseDetector(TextSafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        lexicon = AbuseLexicon.FromEmbeddedData();
    }

    /// <summary>Number of terms in the curated lexicon (raw entries kept plus hand-written ones).</summary>
    public int TermCount => lexicon.Terms.Count;

    public AbuseVerdict Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return AbuseVerdict.Clean;
        }

        var normalized = TextNormalizer.Normalize(text);
        var evidence = AbuseMatcher.Match(normalized, lexicon);
        AddCooccurrences(normalized, evidence);
        if (evidence.Count == 0)
        {
            return AbuseVerdict.Clean;
        }

        Span<double> keep = stackalloc double[5];
        keep.Fill(1);
        var overall = 1.0;
        foreach (var e in evidence)
        {
            keep[(int)e.Label] *= 1 - e.Weight;
            overall *= 1 - e.Weight;
        }

        var score = Math.Round(1 - overall, 4);
        foreach (var label in AbuseLabels.BySeverity)
        {
            if (1 - keep[(int)label] >= options.ThresholdFor(label))
            {
                return new AbuseVerdict(label, score, evidence);
            }
        }

        if (score >= options.AbuseThreshold)
        {
            var strongest = AbuseLabel.None;
            foreach (var label in AbuseLabels.BySeverity)
            {
                if (strongest == AbuseLabel.None || keep[(int)label] < keep[(int)strongest])
                {
                    strongest = label;
                }
            }

            return new AbuseVerdict(strongest, score, evidence);
        }

        return new AbuseVerdict(AbuseLabel.None, score, evidence);
    }

    private static void AddCooccurrences(NormalizedText text, List<AbuseEvidence> evidence)
    {
        string? flat = null;
        foreach (var rule in CooccurrenceRule.All)
        {
            flat ??= text.ToString();
            if (First(flat, rule.First) is var (a, aLength) && First(flat, rule.Second) is var (b, bLength))
            {
                var start = Math.Min(a, b);
                var end = Math.Max(a + aLength, b + bLength);
                evidence.Add(new AbuseEvidence(text.Starts[start], text.Ends[end - 1], rule.Label, rule.Weight));
            }
        }
    }

    private static (int Index, int Length)? First(string text, string[] cues)
    {
        foreach (var cue in cues)
        {
            var at = text.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (at, cue.Length);
            }
        }

        return null;
    }
}
