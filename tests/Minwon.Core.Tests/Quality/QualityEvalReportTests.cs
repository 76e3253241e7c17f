using System.Text.Json;
using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>The figures `minwon qa eval` reports: precision, recall, agreement per area, exact matches and false findings.</summary>
public sealed class QualityEvalReportTests
{
    [Fact]
    public void Agreement_exact_matches_and_false_findings_count_what_the_scorer_got_right_and_wrong()
    {
        string[] lines =
        [
            Line("clean", Consultations.Clean, []),
            Line("no-goodbye", Consultations.Clean with { Closing = "" }, ["closing"]),
            // Labelled with a greeting defect it does not have: a miss in greeting.
            Line("mislabelled", Consultations.Clean, ["greeting"]),
            // A closing defect labelled as greeting: greeting missed, closing lowered without a label (false findings).
            Line("wrong-area", Consultations.Clean with { Closing = "" }, ["greeting"]),
        ];

        var report = QualityEvaluation.Run(lines, QualityScorer.Default);

        Assert.Equal(4, report.Consultations);
        Assert.Equal(2, report.Exact);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(0.5, report.Agreement(QualityArea.Greeting));
        Assert.Equal(0.75, report.Agreement(QualityArea.Closing));
        Assert.Equal(1, report.Agreement(QualityArea.Attitude));
        Assert.True(report.FalseFindings >= 1, string.Join("\n", report.Errors));
        Assert.Equal(1, report.WithCollateral);
        Assert.Contains(report.Describe(), line => line.StartsWith("exact (only the defect areas lowered): 2 of 4 (50.0", StringComparison.Ordinal));
    }

    private static string Line(string id, Consultations consultation, string[] defects)
    {
        var record = consultation.Build(id);
        return JsonSerializer.Serialize(new
        {
            id,
            channel = "chat",
            queueSeconds = record.QueueSeconds,
            turns = record.Turns.Select(t => new { speaker = t.Speaker == Speaker.Counsellor ? "counsellor" : "citizen", text = t.Text, offsetSeconds = t.OffsetSeconds }),
            defects,
        });
    }
}
