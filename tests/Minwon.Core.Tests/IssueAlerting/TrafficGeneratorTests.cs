using Minwon.Core.IssueAlerting;
using Minwon.Core.Reference;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class TrafficGeneratorTests
{
    private static readonly TrafficGeneratorOptions Week = new() { Days = 7, PerDay = 4000, Incidents = 3, Seed = 11 };

    [Fact]
    public void Produces_the_same_stream_for_the_same_seed()
    {
        var first = new TrafficGenerator(Week).Generate().Take(2000).ToList();
        var second = new TrafficGenerator(Week).Generate().Take(2000).ToList();
        Assert.Equal(first, second);
        Assert.Equal(new TrafficGenerator(Week).Incidents, new TrafficGenerator(Week).Incidents);
    }

    [Fact]
    public void Streams_contacts_in_time_order_with_the_requested_daily_volume()
    {
        var stream = new TrafficGenerator(Week).Generate().ToList();
        Assert.True(stream.Zip(stream.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time));
        Assert.InRange(stream.Count, 7 * 4000 * 0.95, 7 * 4000 * 1.1);
    }

    [Fact]
    public void Follows_daily_and_weekly_seasonality()
    {
        var stream = new TrafficGenerator(Week with { Incidents = 0 }).Generate().ToList();
        var night = stream.Count(e => e.Time.Hour is >= 2 and < 5);
        var lateMorning = stream.Count(e => e.Time.Hour is >= 10 and < 13);
        var monday = stream.Count(e => e.Time.DayOfWeek == DayOfWeek.Monday);
        var sunday = stream.Count(e => e.Time.DayOfWeek == DayOfWeek.Sunday);
        Assert.True(lateMorning > 8 * night);
        Assert.True(monday > 2 * sunday);
    }

    [Fact]
    public void Injects_incidents_after_the_quiet_start_in_real_districts()
    {
        var generator = new TrafficGenerator(Week with { Incidents = 5 });
        Assert.Equal(5, generator.Incidents.Count);
        Assert.All(generator.Incidents, incident =>
        {
            Assert.True(incident.Onset >= Week.Start.AddDays(1));
            Assert.True(incident.End > incident.Onset);
            Assert.True(incident.District is null || SeoulPlaces.Instance.Districts.Contains(incident.District));
            Assert.InRange(incident.Size, 15, 2400);
            Assert.NotEmpty(incident.Terms);
        });
    }

    [Fact]
    public void Writes_Korean_texts_with_categories_districts_and_channels()
    {
        var sample = new TrafficGenerator(Week).Generate().Take(500).ToList();
        Assert.All(sample, e => Assert.Matches("[가-힣]", e.Text));
        Assert.All(sample, e => Assert.Contains(e.District, SeoulPlaces.Instance.Districts));
        Assert.True(sample.Select(e => e.Category).Distinct().Count() > 10);
        Assert.Contains(sample, e => !e.Text.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(sample, e => e.Channel == "chat");
    }
}
