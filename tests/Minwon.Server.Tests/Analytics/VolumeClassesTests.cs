using Minwon.Server.Features.Analytics;

namespace Minwon.Server.Tests.Analytics;

/// <summary>The district map's legend classes and the ad-hoc table's labels (issue 9, item 12).</summary>
public sealed class VolumeClassesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(120)]
    [InlineData(1_000_003)]
    public void Every_count_from_zero_to_max_is_in_exactly_one_non_empty_ascending_class(long max)
    {
        var classes = new VolumeClasses(max, 5);

        Assert.Equal((int)Math.Min(5, max + 1), classes.Classes.Count);
        Assert.Equal(0, classes.Classes[0].Low);
        Assert.Equal(max, classes.Classes[^1].High);
        for (var i = 0; i < classes.Classes.Count; i++)
        {
            var c = classes.Classes[i];
            Assert.True(c.Low >= 0 && c.Low <= c.High, $"class {i} is {c.Low}–{c.High} for max {max}");
            Assert.DoesNotContain("-", c.Label.Replace("–", "", StringComparison.Ordinal), StringComparison.Ordinal);
            if (i > 0)
            {
                Assert.Equal(classes.Classes[i - 1].High + 1, c.Low);
                Assert.True(classes.Classes[i - 1].Shade < c.Shade);
            }
        }

        foreach (var count in new[] { 0, 1, max / 2, max - 1, max }.Where(n => n >= 0 && n <= max))
        {
            var c = classes.Of(count);
            Assert.InRange(count, c.Low, c.High);
        }
    }

    [Fact]
    public void Sparse_data_gets_one_class_per_count_spread_from_light_to_dark()
    {
        var classes = new VolumeClasses(1, 5);

        Assert.Equal(["0", "1"], classes.Classes.Select(c => c.Label));
        Assert.Equal([0, 4], classes.Classes.Select(c => c.Shade));
        Assert.Equal(4, classes.Of(1).Shade);
    }

    [Fact]
    public void Wide_ranges_read_low_to_high()
    {
        var classes = new VolumeClasses(120, 5);

        Assert.Equal(["0–24", "25–48", "49–72", "73–96", "97–120"], classes.Classes.Select(c => c.Label));
        Assert.Equal(4, classes.Of(120).Shade);
        Assert.Equal(0, classes.Of(24).Shade);
        Assert.Equal(1, classes.Of(25).Shade);
    }

    [Theory]
    [InlineData("channel", "phone", "전화")]
    [InlineData("channel", "chat", "채팅")]
    [InlineData("channel", "sms", "문자")]
    [InlineData("channel", "app", "앱")]
    [InlineData("channel", "ars", "보이는 ARS")]
    [InlineData("channel", "pigeon", "pigeon")]
    [InlineData("district", "종로구", "종로구")]
    [InlineData("category", "app", "app")]
    public void The_ad_hoc_table_shows_channels_by_their_korean_names(string dimension, string value, string shown) =>
        Assert.Equal(shown, AdHocQuery.Display(dimension, value));
}
