using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("tlqkf", "시발")]
    [InlineData("qudtls", "병신")]
    [InlineData("hello", "hello")]
    [InlineData("fuck", "fuck")]
    [InlineData("씨이이발", "씨발")]
    [InlineData("씨바아알", "씨발")]
    [InlineData("ㅅㅣ발", "시발")]
    [InlineData("시.발 시 발", "시발시발")]
    [InlineData("ㅅㅂ", "ㅅㅂ")]
    [InlineData("18놈", "18놈")]
    [InlineData("ｔｌｑｋｆ", "시발")]
    public void Undoes_common_disguises(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text).ToString());

    [Fact]
    public void Maps_each_normalised_character_back_to_the_original()
    {
        var normalized = TextNormalizer.Normalize("아 tlqkf!");
        Assert.Equal("아시발", normalized.ToString());
        Assert.Equal([0, 2, 4], normalized.Starts[..normalized.Length]);
        Assert.Equal([1, 4, 7], normalized.Ends[..normalized.Length]);
        Assert.True(normalized.WordStart[1]);
    }
}
