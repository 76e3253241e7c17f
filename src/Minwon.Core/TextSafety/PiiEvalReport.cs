namespace Minwon.Core.TextSafety;

/// <summary>Figures from <see cref="PiiEvaluation"/>: recall per kind, false positives on look-alike lines, and the errors.</summary>
public sealed class PiiEvalReport
{
    public sealed class KindFigures
    {
        public int Gold { get; set; }

        public int Masked { get; set; }

        public int Exact { get; set; }

        public double MaskedRecall => Gold == 0 ? 1 : (double)Masked / Gold;

        public double ExactRecall => Gold == 0 ? 1 : (double)Exact / Gold;
    }

    public int Lines { get; set; }

    public int NegativeLines { get; set; }

    public int FalsePositiveLines { get; set; }

    public int PredictedSpans { get; set; }

    public int SpuriousSpans { get; set; }

    public SortedDictionary<PiiKind, KindFigures> Kinds { get; } = [];

    public List<string> Errors { get; } = [];

    public int GoldSpans => Kinds.Values.Sum(k => k.Gold);

    /// <summary>Share of gold spans fully masked (what protects people).</summary>
    public double MaskedRecall => GoldSpans == 0 ? 1 : (double)Kinds.Values.Sum(k => k.Masked) / GoldSpans;

    /// <summary>Share of gold spans found with exact offsets and kind.</summary>
    public double ExactRecall => GoldSpans == 0 ? 1 : (double)Kinds.Values.Sum(k => k.Exact) / GoldSpans;

    public double FalsePositiveLineRate => NegativeLines == 0 ? 0 : (double)FalsePositiveLines / NegativeLines;

    public double SpanPrecision => PredictedSpans == 0 ? 1 : 1 - (double)SpuriousSpans / PredictedSpans;

    public KindFigures For(PiiKind kind)
    {
        if (!Kinds.TryGetValue(kind, out var figures))
        {
            figures = new KindFigures();
            Kinds[kind] = figures;
        }

        return figures;
    }

    public IEnumerable<string> Describe()
    {
        yield return $"lines {Lines} (look-alike negatives {NegativeLines}), gold spans {GoldSpans}";
        yield return $"masked recall {MaskedRecall:P2}  exact-span recall {ExactRecall:P2}  span precision (positive lines) {SpanPrecision:P2}";
        yield return $"false positives on look-alike lines {FalsePositiveLines}/{NegativeLines} = {FalsePositiveLineRate:P2}";
        foreach (var (kind, f) in Kinds)
        {
            yield return $"  {kind.WireName(),-15} gold {f.Gold,4}  masked {f.MaskedRecall,8:P2}  exact {f.ExactRecall,8:P2}";
        }
    }
}
