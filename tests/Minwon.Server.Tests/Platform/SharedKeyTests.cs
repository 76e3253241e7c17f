using Minwon.Server.Platform;

namespace Minwon.Server.Tests.Platform;

/// <summary>The one comparison every API key, webhook token and scrape key goes through.</summary>
public sealed class SharedKeyTests
{
    [Fact]
    public void The_configured_key_matches_itself_and_nothing_else()
    {
        Assert.True(SharedKey.Matches("s3cret-키", "s3cret-키"));
        Assert.False(SharedKey.Matches("s3cret-키", "s3cret-키 "));
        Assert.False(SharedKey.Matches("s3cret-키", "s3cret"));
        Assert.False(SharedKey.Matches("s3cret-키", "S3CRET-키"));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "anything")]
    [InlineData(null, null)]
    [InlineData(null, "anything")]
    [InlineData("configured", "")]
    [InlineData("configured", null)]
    public void An_empty_key_on_either_side_never_matches(string? configured, string? presented) =>
        Assert.False(SharedKey.Matches(configured, presented));
}
