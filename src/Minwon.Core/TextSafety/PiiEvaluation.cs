using System.Text.Json;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Scores the masker on a JSONL set of lines with known spans ({"text", "spans": [{"start","end","kind"}], "group"}).
/// A gold span counts as masked when predicted spans cover all of it; as exact when a prediction has the same
/// offsets and kind. A look-alike line (no gold spans) is a false positive when anything in it is masked.
/// </summary>
public static class PiiEvaluation
{
    public static PiiEvalReport Run(IEnumerable<string> jsonLines, PiiMasker masker)
    {
        var report = new PiiEvalReport();
        var number = 0;
        foreach (var line in jsonLines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (text, gold) = Parse(line, number);
            var predicted = masker.Find(text);
            report.Lines++;
            if (gold.Count == 0)
            {
                report.NegativeLines++;
                if (predicted.Count > 0)
                {
                    report.FalsePositiveLines++;
                    report.Errors.Add($"false positive: {text} -> {string.Join(", ", predicted.Select(p => $"{p.Kind.WireName()} '{text[p.Start..p.End]}'"))}");
                }

                continue;
            }

            foreach (var span in gold)
            {
                var kind = report.For(span.Kind);
                kind.Gold++;
                var masked = Covered(span, predicted);
                var exact = predicted.Contains(span);
                kind.Masked += masked ? 1 : 0;
                kind.Exact += exact ? 1 : 0;
                if (!exact)
                {
                    report.Errors.Add($"{(masked ? "inexact" : "missed")} {span.Kind.WireName()} '{text[span.Start..span.End]}' in: {text}");
                }
            }

            foreach (var p in predicted)
            {
                report.PredictedSpans++;
                if (!gold.Any(g => g.Start < p.End && p.Start < g.End))
                {
                    report.SpuriousSpans++;
                    report.Errors.Add($"spurious {p.Kind.WireName()} '{text[p.Start..p.End]}' in: {text}");
                }
            }
        }

        return report;
    }

    private static bool Covered(PiiSpan gold, IReadOnlyList<PiiSpan> predicted)
    {
        for (var i = gold.Start; i < gold.End; i++)
        {
            if (!predicted.Any(p => p.Start <= i && i < p.End))
            {
                return false;
            }
        }

        return true;
    }

    private static (string Text, List<PiiSpan> Spans) Parse(string line, int number)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var text = root.GetProperty("text").GetString() ?? throw new FormatException($"line {number}: no text");
        var spans = new List<PiiSpan>();
        if (root.TryGetProperty("spans", out var array))
        {
            foreach (var s in array.EnumerateArray())
            {
                var name = s.GetProperty("kind").GetString() ?? "";
                if (!PiiKinds.TryParse(name, out var kind))
                {
                    throw new FormatException($"line {number}: unknown kind '{name}'");
                }

                spans.Add(new PiiSpan(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), kind));
            }
        }

        return (text, spans);
    }
}
