using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

/// <summary>Streams for detector tests: generated everyday traffic plus hand-made bursts.</summary>
internal static class IssueStreams
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));

    public static readonly string[] WaterOutage =
    [
        "망원동에물이안나와요", "망원동 단수됐어요", "수돗물 안나옴 망원동", "갑자기 물이 안나와요 망원동인데", "단수 언제 풀려요??",
        "망원동 아파트 전체 단수에요", "물이안나와요 빨리 확인좀", "망원동 수도 물이 안나와요 애기 씻겨야되는데",
    ];

    public static List<ContactEvent> Background(int days, int perDay = 6000, int seed = 3) =>
        [.. new TrafficGenerator(new TrafficGeneratorOptions { Days = days, PerDay = perDay, Seed = seed, Incidents = 0 }).Generate()];

    /// <summary><paramref name="count"/> contacts spread evenly over <paramref name="minutes"/> from <paramref name="start"/>.</summary>
    public static List<ContactEvent> Burst(DateTimeOffset start, int count, double minutes, string? district, string[] texts, string category = "생활하수도 불편") =>
        [.. Enumerable.Range(0, count).Select(i => new ContactEvent(start.AddMinutes(minutes * i / count), texts[i % texts.Length], category, district, "phone"))];

    public static List<ContactEvent> Merge(params IEnumerable<ContactEvent>[] streams) =>
        [.. streams.SelectMany(s => s).OrderBy(e => e.Time)];

    public static List<IssueAlert> Replay(IEnumerable<ContactEvent> stream, IssueDetector? detector = null)
    {
        detector ??= new IssueDetector();
        var alerts = new List<IssueAlert>();
        foreach (var contact in stream)
        {
            alerts.AddRange(detector.Observe(contact));
        }

        return alerts;
    }
}
