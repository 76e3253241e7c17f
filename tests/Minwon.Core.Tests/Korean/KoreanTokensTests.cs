using Minwon.Core.Korean;

namespace Minwon.Core.Tests.Korean;

public sealed class KoreanTokensTests
{
    [Theory]
    [InlineData("주차위반과태료어디서내요", "주차 위반 과태료 어디서 내요")]
    [InlineData("대형폐기물신고", "대형 폐기물 신고")]
    [InlineData("여권재발급", "여권 재 발급")]
    public void Glued_and_spaced_writing_give_the_same_bigrams(string glued, string spaced) =>
        Assert.Equal(Terms(KoreanTokens.Bigrams(spaced)), Terms(KoreanTokens.Bigrams(glued)));

    [Theory]
    [InlineData("과태료", "과태로")]
    [InlineData("여권발급", "여궈발급")]
    [InlineData("전입신고", "전입싱고")]
    public void A_one_key_typo_keeps_most_jamo_trigrams(string right, string typo)
    {
        var expected = Terms(KoreanTokens.JamoGrams(right));
        var shared = Terms(KoreanTokens.JamoGrams(typo)).Intersect(expected).Count();
        Assert.True(shared >= expected.Count / 2, $"{typo} shares {shared} of {expected.Count} jamo trigrams with {right}");
    }

    [Fact]
    public void Keeps_Latin_words_and_numbers_whole()
    {
        var terms = Terms(KoreanTokens.Bigrams("KTX 요금 120번"));
        Assert.Contains("ktx", terms);
        Assert.Contains("120", terms);
        Assert.Contains("요금", terms);
    }

    [Fact]
    public void Offsets_point_at_the_original_text()
    {
        const string text = "<b>주차</b> 과태료";
        foreach (var token in KoreanTokens.Bigrams(text))
        {
            var span = text[token.Start..token.End].Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains(token.Term[0], span);
            Assert.Contains(token.Term[^1], span);
        }
    }

    [Fact]
    public void Stems_split_Hangul_from_Latin_and_strip_particles()
    {
        var stems = Terms(KoreanTokens.Stems("KTX요금은 얼마예요"));
        Assert.Contains("ktx", stems);
        Assert.Contains("요금", stems);
    }

    private static HashSet<string> Terms(IEnumerable<KoreanToken> tokens) => [.. tokens.Select(t => t.Term)];
}
