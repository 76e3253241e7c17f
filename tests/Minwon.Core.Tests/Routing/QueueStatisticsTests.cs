using Minwon.Core.Routing;

namespace Minwon.Core.Tests.Routing;

public sealed class QueueStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    /// <summary>Seconds before now it was enqueued, then seconds it waited until answered or abandoned.</summary>
    private static QueueContactRecord Answered(int enqueuedAgo, int waited) =>
        new(Now.AddSeconds(-enqueuedAgo), Now.AddSeconds(-enqueuedAgo + waited), null);

    private static QueueContactRecord Abandoned(int enqueuedAgo, int waited) =>
        new(Now.AddSeconds(-enqueuedAgo), null, Now.AddSeconds(-enqueuedAgo + waited));

    private static QueueContactRecord Waiting(int enqueuedAgo) => new(Now.AddSeconds(-enqueuedAgo), null, null);

    private sealed record Case(QueueContactRecord[] Records, int Waiting, int LongestWaitSeconds, double? ServiceLevel, double? AverageAnswerSeconds, double? AbandonmentRate);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["An empty queue has no rates"] = new([], 0, 0, null, null, null),
        ["Only waiting contacts give a count and the longest wait"] = new(
            [Waiting(30), Waiting(95), Waiting(5)], 3, 95, null, null, null),
        ["Every contact answered within target is a full service level"] = new(
            [Answered(600, 5), Answered(500, 20)], 0, 0, 1.0, 12.5, 0.0),
        ["Answered late lowers the service level"] = new(
            [Answered(600, 10), Answered(500, 21), Answered(400, 60), Answered(300, 0)], 0, 0, 0.5, 22.75, 0.0),
        ["Abandoned after the threshold counts against the service level"] = new(
            [Answered(600, 10), Answered(500, 10), Answered(400, 10), Abandoned(300, 40)], 0, 0, 0.75, 10.0, 0.25),
        ["Short abandons are left out of every rate"] = new(
            [Answered(600, 10), Abandoned(500, 3), Abandoned(400, 5)], 0, 0, 1.0, 10.0, 0.0),
        ["Only short abandons give no rates"] = new([Abandoned(500, 2)], 0, 0, null, null, null),
        ["A contact answered then left counts as answered"] = new(
            [new QueueContactRecord(Now.AddSeconds(-100), Now.AddSeconds(-90), Now.AddSeconds(-50))], 0, 0, 1.0, 10.0, 0.0),
        ["Events after now are not yet known"] = new(
            [Answered(10, 30), Abandoned(10, 60), new QueueContactRecord(Now.AddSeconds(5), null, null)], 2, 10, null, null, null),
        ["A mixed queue"] = new(
            [Answered(900, 15), Answered(800, 25), Abandoned(700, 30), Abandoned(600, 1), Waiting(45), Waiting(12)],
            2, 45, 1.0 / 3, 20.0, 1.0 / 3),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Computes_the_wallboard_figures(string name)
    {
        var expected = Cases[name];

        var stats = QueueStatistics.Compute(expected.Records, Now, Target);

        Assert.Equal(expected.Waiting, stats.WaitingCount);
        Assert.Equal(TimeSpan.FromSeconds(expected.LongestWaitSeconds), stats.LongestWait);
        AssertClose(expected.ServiceLevel, stats.ServiceLevel);
        AssertClose(expected.AverageAnswerSeconds, stats.AverageSpeedOfAnswer?.TotalSeconds);
        AssertClose(expected.AbandonmentRate, stats.AbandonmentRate);
    }

    [Fact]
    public void Uses_the_given_short_abandon_threshold()
    {
        QueueContactRecord[] records = [Answered(600, 10), Abandoned(500, 8)];

        Assert.Equal(0.5, QueueStatistics.Compute(records, Now, Target).ServiceLevel);
        Assert.Equal(1.0, QueueStatistics.Compute(records, Now, Target, TimeSpan.FromSeconds(10)).ServiceLevel);
    }

    [Fact]
    public void Counts_each_kind_of_outcome()
    {
        var stats = QueueStatistics.Compute(
            [Answered(900, 15), Answered(800, 25), Abandoned(700, 30), Abandoned(600, 1), Waiting(45)], Now, Target);

        Assert.Equal((2, 1, 1, 1), (stats.AnsweredCount, stats.AnsweredWithinTarget, stats.AbandonedCount, stats.ShortAbandonedCount));
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.Equal(e, a, 9);
        }
    }
}
