namespace Minwon.Core.TextSafety;

/// <summary>Figures from <see cref="AbuseEvaluation"/>.</summary>
public sealed class AbuseEvalReport
{
    private readonly int[,] confusion = new int[5, 5];
    private readonly Dictionary<string, (int Lines, int Flagged)> groups = [];

    public int Lines { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Score and whether the line is truly abusive, for calibration tables.</summary>
    public List<(double Score, bool Abusive)> Scores { get; } = [];

    public void Add(string text, AbuseLabel gold, AbuseVerdict verdict, string group)
    {
        Lines++;
        confusion[(int)gold, (int)verdict.Label]++;
        Scores.Add((verdict.Score, gold != AbuseLabel.None));
        groups.TryGetValue(group, out var g);
        groups[group] = (g.Lines + 1, g.Flagged + (verdict.IsAbusive ? 1 : 0));
        if (gold != verdict.Label)
        {
            var evidence = string.Join(", ", verdict.Evidence.Select(e => $"{e.Label.WireName()}:'{text[e.Start..e.End]}'"));
            Errors.Add($"{gold.WireName()} -> {verdict.Label.WireName()} ({verdict.Score:0.00}) [{group}] {text}  <{evidence}>");
        }
    }

    public (double Precision, double Recall, double F1) Binary()
    {
        int tp = 0, fp = 0, fn = 0;
        for (var g = 0; g < 5; g++)
        {
            for (var p = 0; p < 5; p++)
            {
                var n = confusion[g, p];
                tp += g != 0 && p != 0 ? n : 0;
                fp += g == 0 && p != 0 ? n : 0;
                fn += g != 0 && p == 0 ? n : 0;
            }
        }

        return Figures(tp, fp, fn);
    }

    public (double Precision, double Recall, double F1) ForLabel(AbuseLabel label)
    {
        int tp = confusion[(int)label, (int)label], fp = 0, fn = 0;
        for (var i = 0; i < 5; i++)
        {
            fp += i != (int)label ? confusion[i, (int)label] : 0;
            fn += i != (int)label ? confusion[(int)label, i] : 0;
        }

        return Figures(tp, fp, fn);
    }

    /// <summary>Share of the lines in a group (e.g. "angry") that were flagged abusive.</summary>
    public double FlaggedRate(string group) =>
        groups.TryGetValue(group, out var g) && g.Lines > 0 ? (double)g.Flagged / g.Lines : 0;

    public int GroupLines(string group) => groups.TryGetValue(group, out var g) ? g.Lines : 0;

    public IEnumerable<string> Describe()
    {
        var (p, r, f) = Binary();
        yield return $"lines {Lines}; abusive vs not: precision {p:0.000} recall {r:0.000} F1 {f:0.000}";
        foreach (var label in AbuseLabels.BySeverity)
        {
            var (lp, lr, lf) = ForLabel(label);
            yield return $"  {label.WireName(),-10} precision {lp:0.000} recall {lr:0.000} F1 {lf:0.000}";
        }

        foreach (var (group, (lines, flagged)) in groups.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            yield return $"  group {group,-11} lines {lines,4} flagged {flagged,4} ({(double)flagged / lines:P1})";
        }

        foreach (var (low, high) in new[] { (0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01) })
        {
            var bin = Scores.Where(s => s.Score >= low && s.Score < high).ToList();
            if (bin.Count > 0)
            {
                yield return $"  score [{low:0.0},{Math.Min(high, 1):0.0}) lines {bin.Count,4} truly abusive {bin.Count(s => s.Abusive) / (double)bin.Count:P1}";
            }
        }
    }

    private static (double, double, double) Figures(int tp, int fp, int fn)
    {
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }
}
