using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

/// <summary>
/// The floors of issue 6 on a smaller generated stream than the benchmark (docs/benchmarks/issues.md): recall at
/// least 90%, at most 5 false alerts per 14 days, median delay at most 30 minutes after onset.
/// </summary>
public sealed class DetectionQualityGateTests
{
    [Fact]
    public void Detects_injected_incidents_promptly_with_few_false_alerts()
    {
        // Streams are independent: scoring them on both cores keeps the gate well under 20 seconds.
        var scores = new DetectionScore[3];
        Parallel.For(0, scores.Length, i =>
        {
            var generator = new TrafficGenerator(new TrafficGeneratorOptions { Days = 4, PerDay = 20_000, Incidents = 4, Seed = 101 + i });
            var alerts = IssueStreams.Replay(generator.Generate());
            scores[i] = DetectionEvaluation.Score(alerts, generator.Incidents, 4);
        });
        var total = scores.Aggregate((a, b) => a.Add(b));

        Assert.NotNull(total);
        Assert.True(total.Recall >= 0.9, $"recall {total.Recall:P0} of {total.Incidents}");
        Assert.True(total.FalseAlertsPer14Days <= 5, $"{total.FalseAlertsPer14Days:F1} false alerts per 14 days");
        Assert.True(total.MedianDelayMinutes <= 30, $"median delay {total.MedianDelayMinutes:F0} min");
    }

    [Fact]
    public void Scores_a_late_wrong_district_alert_as_false()
    {
        var incident = new InjectedIncident("water-main-break", IssueStreams.Monday.AddDays(2), IssueStreams.Monday.AddDays(2).AddHours(2), "마포구", "생활하수도 불편", ["단수"], 30);
        IssueAlert[] alerts =
        [
            new(IssueStreams.Monday.AddDays(2).AddMinutes(20), ["단수"], null, "마포구", 8, 0.1, 6),
            new(IssueStreams.Monday.AddDays(2).AddMinutes(40), ["단수"], null, "마포구", 12, 0.1, 6),
            new(IssueStreams.Monday.AddDays(2).AddMinutes(30), ["단수"], null, "강남구", 8, 0.1, 6),
        ];

        var score = DetectionEvaluation.Score(alerts, [incident], 14);
        Assert.Equal(1, score.Detected);
        Assert.Equal(2, score.FalseAlerts);
        Assert.Equal(1, score.Duplicates);
        Assert.Equal(20, score.MedianDelayMinutes, 3);
    }
}
