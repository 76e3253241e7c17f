using System.Text.Json;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Scores the detector on a JSONL set ({"text", "label", "group"}): abusive-vs-not precision, recall and F1,
/// the same per label, and how many ordinary complaints (group "angry") and innocent look-alikes are flagged.
/// </summary>
public static class AbuseEvaluation
{
    public static AbuseEvalReport Run(IEnumerable<string> jsonLines, AbuseDetector detector)
    {
        var report = new AbuseEvalReport();
        var number = 0;
        foreach (var line in jsonLines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString() ?? throw new FormatException($"line {number}: no text");
            var name = root.GetProperty("label").GetString() ?? "";
            if (!AbuseLabels.TryParse(name, out var gold))
            {
                throw new FormatException($"line {number}: unknown label '{name}'");
            }

            var group = root.TryGetProperty("group", out var g) ? g.GetString() ?? "" : "";
            var verdict = detector.Classify(text);
            report.Add(text, gold, verdict, group);
        }

        return report;
    }
}
