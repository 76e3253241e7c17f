using System.Text;
using Minwon.Core.Korean;

namespace Minwon.Core.Tests.Korean;

public sealed class KoreanNormalizerTests
{
    [Theory]
    [InlineData("ＫＴＸ　요금", "ktx 요금")]
    [InlineData("Seoul120 다산콜", "seoul120 다산콜")]
    [InlineData("과태료?! (주차)", "과태료    주차 ")]
    [InlineData("ㅅㅂ 뭐임", "ㅅㅂ 뭐임")]
    public void Folds_width_case_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, KoreanNormalizer.Normalize(text));

    [Fact]
    public void Composes_decomposed_Hangul_and_maps_offsets_back_to_the_input()
    {
        var decomposed = "여권 발급".Normalize(NormalizationForm.FormD);
        var normalized = KoreanNormalizer.Normalize(decomposed, out var starts, out var ends);
        Assert.Equal("여권 발급", normalized);
        Assert.Equal(0, starts[0]);
        Assert.Equal(decomposed.Length, ends[^1]);
    }

    [Fact]
    public void Cuts_a_huge_query_to_the_maximum_length()
    {
        var query = KoreanNormalizer.NormalizeQuery(new string('가', 100_000));
        Assert.Equal(KoreanNormalizer.MaxQueryLength, query.Length);
    }

    [Fact]
    public void Turns_binary_noise_into_spaces_without_throwing()
    {
        var binary = new string([.. Enumerable.Range(0, 2000).Select(i => (char)(i * 7919 % 65536))]);
        var normalized = KoreanNormalizer.Normalize(binary, out var starts, out var ends);
        Assert.Equal(normalized.Length, starts.Length);
        Assert.All(ends, e => Assert.InRange(e, 0, binary.Length));
    }
}
