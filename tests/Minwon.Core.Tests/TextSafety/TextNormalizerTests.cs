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

    /// <summary>
    /// The ends never decrease (a romanised run such as byungsin gives each of its syllables the run's end): a map back
    /// to the original line may halve over them.
    /// </summary>
    [Fact]
    public void Ends_never_decrease()
    {
        var lines = new List<string> { "아 tlqkf! byungsin이라고 ㅅㅣ발 씨이이발 시.발 c8 ｓｉｂａｌ \uD800 😀 18놈", "개 새 끼 gaesaekki qudtls 씨바아알 ㅅㅂ", "", "   " };
        var random = new Random(20261207);
        const string alphabet = "가개새끼시발병신ㅅㅂㅣㅏabcsexqudtlsbyungin0189 .-*\u200B\u0000\uD800\uDC00😀ａＳ";
        for (var k = 0; k < 5_000; k++)
        {
            lines.Add(new string([.. Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        }

        foreach (var line in lines)
        {
            var normalized = TextNormalizer.Normalize(line);
            for (var i = 1; i < normalized.Length; i++)
            {
                Assert.True(normalized.Ends[i] >= normalized.Ends[i - 1], $"\"{line}\": end {normalized.Ends[i]} after {normalized.Ends[i - 1]}");
            }
        }
    }
}
