using System.Diagnostics;
using Minwon.Core.IssueAlerting;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// `minwon issues eval`: generates streams with injected incidents for several seeds, replays each through a fresh
/// detector and prints one line per seed and a summary: recall, false alerts per 14 days, median delay, throughput.
/// </summary>
public static class EvaluateIssues
{
    /// <summary>Incidents of at most this many contacts are reported apart: the honest part of the test.</summary>
    private const int SmallIncident = 40;

    public static async Task<int> RunAsync(int days, int seeds, int perDay, int incidents, TextWriter output, CancellationToken cancellationToken, int firstSeed = 1)
    {
        DetectionScore? total = null;
        long events = 0;
        int small = 0, smallDetected = 0;
        var detecting = new Stopwatch();
        for (var seed = firstSeed; seed < firstSeed + seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generator = new TrafficGenerator(new TrafficGeneratorOptions { Days = days, Seed = seed, PerDay = perDay, Incidents = incidents });
            var stream = generator.Generate().ToList();
            var detector = new IssueDetector();
            var alerts = new List<IssueAlert>();
            detecting.Start();
            foreach (var contact in stream)
            {
                alerts.AddRange(detector.Observe(contact));
            }

            detecting.Stop();
            events += stream.Count;
            var score = DetectionEvaluation.Score(alerts, generator.Incidents, days);
            total = total is null ? score : total.Add(score);
            var smallOnes = generator.Incidents.Where(i => i.Size <= SmallIncident).ToList();
            small += smallOnes.Count;
            smallDetected += smallOnes.Count(i => alerts.Any(a => DetectionEvaluation.Catches(a, i)));
            var missed = generator.Incidents.Where(i => !alerts.Any(a => DetectionEvaluation.Catches(a, i))).Select(i => $"{i.Type}@{i.District ?? "city"}/{i.Size}").ToList();
            await output.WriteLineAsync(IssueJson.Write(new
            {
                seed,
                events = stream.Count,
                keys = detector.KeyCount,
                incidents = score.Incidents,
                detected = score.Detected,
                falseAlerts = score.FalseAlerts,
                duplicates = score.Duplicates,
                medianDelayMinutes = Minutes(score.MedianDelayMinutes),
                missed,
                unexplained = alerts.Where(a => !generator.Incidents.Any(i => DetectionEvaluation.Catches(a, i)))
                    .Select(a => $"{a.DetectedAt:MM-dd HH:mm} {a.District ?? "city"} {a.Category} [{string.Join(",", a.Terms)}] {a.Count}/{a.Baseline} z={a.Score}").ToList(),
            }));
        }

        if (total is not null)
        {
            await output.WriteLineAsync(IssueJson.Write(new
            {
                seeds,
                days,
                perDay,
                incidents = total.Incidents,
                detected = total.Detected,
                recall = Math.Round(total.Recall, 3),
                smallIncidents = small,
                smallDetected,
                falseAlerts = total.FalseAlerts,
                falseAlertsPer14Days = Math.Round(total.FalseAlertsPer14Days, 2),
                duplicates = total.Duplicates,
                medianDelayMinutes = Minutes(total.MedianDelayMinutes),
                eventsPerSecond = Math.Round(events / Math.Max(detecting.Elapsed.TotalSeconds, 1e-9)),
            }));
        }

        return 0;
    }

    private static double? Minutes(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);
}
