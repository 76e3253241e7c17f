using System.Text.Json;

namespace Minwon.Core.Quality;

/// <summary>
/// Scores a labelled set: each line is a `minwon qa score` input line plus "defects": the areas (wire names) the
/// consultation has a defect in; an empty list marks a clean consultation.
/// </summary>
public static class QualityEvaluation
{
    public static QualityEvalReport Run(IEnumerable<string> lines, QualityScorer scorer)
    {
        var report = new QualityEvalReport();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ConsultationRecord record;
            HashSet<QualityArea> defects;
            try
            {
                record = QualityWire.Parse(line, []);
                defects = ReadDefects(line);
            }
            catch (FormatException e)
            {
                report.AddUnreadable(number, e.Message);
                continue;
            }

            report.Add(record.Id, defects, scorer.Score(record));
        }

        return report;
    }

    private static HashSet<QualityArea> ReadDefects(string line)
    {
        using var document = JsonDocument.Parse(line);
        var defects = new HashSet<QualityArea>();
        if (!document.RootElement.TryGetProperty("defects", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("no \"defects\" list (use [] for a clean consultation)");
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !QualityAreas.TryParse(item.GetString(), out var area))
            {
                throw new FormatException($"unknown defect area {item.GetRawText()}");
            }

            defects.Add(area);
        }

        return defects;
    }
}
