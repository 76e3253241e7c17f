using System.Text.Json;
using Minwon.Core.IssueAlerting;
using static Minwon.Core.Tests.IssueAlerting.IssueStreams;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class IssueDetectorStateTests
{
    [Fact]
    public void Continues_after_a_save_and_restore_exactly_as_without_the_restart()
    {
        var first = Burst(Monday.AddDays(2).AddHours(9), count: 120, minutes: 3 * 60, "마포구", WaterOutage);
        var second = Burst(Monday.AddDays(2).AddHours(15), count: 30, minutes: 45, "강남구", ["역삼동 정전됐어요", "역삼동 전기가 나갔어요", "정전 언제 복구돼요"], "감염병·재난 지원");
        var stream = Merge(Background(days: 3), first, second);
        var restart = Monday.AddDays(2).AddHours(10);

        var uninterrupted = Replay(stream);

        var before = new IssueDetector();
        var alertsBefore = Replay(stream.Where(e => e.Time < restart), before);
        var json = JsonSerializer.Serialize(before.Save());
        var restored = IssueDetector.Restore(JsonSerializer.Deserialize<IssueDetectorState>(json)!);
        var alertsAfter = Replay(stream.Where(e => e.Time >= restart), restored);

        Assert.Equal(2, uninterrupted.Count);
        Assert.Equal(uninterrupted.Select(Describe), alertsBefore.Concat(alertsAfter).Select(Describe));
        Assert.Equal(before.KeyCount, IssueDetector.Restore(before.Save()).KeyCount);
    }

    [Fact]
    public void Restores_a_detector_that_has_seen_nothing()
    {
        var restored = IssueDetector.Restore(new IssueDetector().Save());
        Assert.Empty(restored.Observe(new ContactEvent(Monday, "여권 문의", "여권", "마포구", "phone")));
        Assert.Equal(ObserveOutcome.Accepted, restored.LastOutcome);
    }

    private static string Describe(IssueAlert alert) =>
        $"{alert.DetectedAt:O} {alert.District} {alert.Category} {string.Join(",", alert.Terms)} {alert.Count} {alert.Baseline} {alert.Score}";
}
