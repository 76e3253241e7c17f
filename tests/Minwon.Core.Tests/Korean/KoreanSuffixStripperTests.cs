using Minwon.Core.Korean;

namespace Minwon.Core.Tests.Korean;

public sealed class KoreanSuffixStripperTests
{
    [Theory]
    [InlineData("과태료를", "과태료")]
    [InlineData("과태료는", "과태료")]
    [InlineData("주민센터에서", "주민센터")]
    [InlineData("여권으로", "여권")]
    [InlineData("신청하려면", "신청")]
    [InlineData("신청했는데요", "신청")]
    [InlineData("버스정류장에서는", "버스정류장")]
    [InlineData("재발급하나요", "재발급")]
    public void Strips_particles_and_endings_down_to_the_stem(string word, string stem) =>
        Assert.Equal(stem, KoreanSuffixStripper.Default.Strip(word));

    [Theory]
    [InlineData("신고")]
    [InlineData("여권")]
    [InlineData("ktx")]
    [InlineData("120")]
    public void Leaves_short_words_and_non_Hangul_alone(string word) =>
        Assert.Equal(word, KoreanSuffixStripper.Default.Strip(word));

    [Fact]
    public void Gives_the_same_stem_to_most_inflections_of_a_noun()
    {
        string[] forms = ["주차장이", "주차장을", "주차장에", "주차장은", "주차장도", "주차장이요", "주차장까지", "주차장에서"];
        var same = forms.Count(f => KoreanSuffixStripper.Default.Strip(f) == "주차장");
        Assert.True(same >= 7, $"only {same} of {forms.Length} forms reduce to 주차장");
    }
}
