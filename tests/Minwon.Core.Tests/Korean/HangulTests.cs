using Minwon.Core.Korean;

namespace Minwon.Core.Tests.Korean;

public sealed class HangulTests
{
    [Theory]
    [InlineData("강남구", "ㄱㅏㅇㄴㅏㅁㄱㅜ")]
    [InlineData("주차 딱지", "ㅈㅜㅊㅏ ㄸㅏㄱㅈㅣ")]
    [InlineData("ㅅㅂ abc", "ㅅㅂ abc")]
    public void Decomposes_syllables_into_compatibility_jamo(string text, string expected) =>
        Assert.Equal(expected, Hangul.ToJamo(text));

    [Fact]
    public void Composes_back_what_it_decomposes()
    {
        for (var c = Hangul.SyllableFirst; c <= Hangul.SyllableLast; c++)
        {
            Assert.True(Hangul.TryDecompose(c, out var lead, out var vowel, out var tail));
            Assert.Equal(c, Hangul.Compose(lead, vowel, tail));
        }
    }

    [Theory]
    [InlineData('집', true)]
    [InlineData('차', false)]
    [InlineData('a', false)]
    public void Knows_which_syllables_have_a_final_consonant(char syllable, bool expected) =>
        Assert.Equal(expected, Hangul.HasTail(syllable));

    [Fact]
    public void Abbreviates_to_leading_consonants() => Assert.Equal("ㅅㅇㅅㅊ", Hangul.ToLeads("서울시청"));
}
