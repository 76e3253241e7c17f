using System.Text.Json;
using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>`minwon issues score ALERTS TRUTH --days N`: scores replayed alerts against a generator's ground truth.</summary>
public static class ScoreIssues
{
    public static async Task<int> RunAsync(string alertsPath, string truthPath, double days, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var alerts = await ReadAsync<IssueAlert>(alertsPath, errors, cancellationToken);
        var incidents = await ReadAsync<InjectedIncident>(truthPath, errors, cancellationToken);
        var score = DetectionEvaluation.Score(alerts, incidents, days);
        await output.WriteLineAsync(IssueJson.Write(new
        {
            incidents = score.Incidents,
            detected = score.Detected,
            recall = Math.Round(score.Recall, 3),
            falseAlerts = score.FalseAlerts,
            falseAlertsPer14Days = Math.Round(score.FalseAlertsPer14Days, 2),
            duplicates = score.Duplicates,
            medianDelayMinutes = double.IsNaN(score.MedianDelayMinutes) ? (double?)null : Math.Round(score.MedianDelayMinutes, 1),
        }));
        return 0;
    }

    private static async Task<List<T>> ReadAsync<T>(string path, TextWriter errors, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<T>(line, IssueJson.Options) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                await errors.WriteLineAsync($"{Path.GetFileName(path)} line {number}: not a {typeof(T).Name}; skipped");
            }
        }

        return items;
    }
}
