using Minwon.Core.Knowledge;

namespace Minwon.Core.Tests.Knowledge;

public sealed class SynonymExpanderTests
{
    [Fact]
    public void Adds_the_other_phrases_of_a_group_whatever_the_spacing()
    {
        var expander = new SynonymExpander([["주차딱지", "주정차 과태료"]]);
        Assert.Contains("주정차과태료", expander.Expand("주차딱지 어디서 내요"));
        Assert.Contains("주차딱지", expander.Expand("주정차과태료내는곳"));
    }

    [Fact]
    public void Adds_nothing_when_no_phrase_matches() =>
        Assert.Empty(new SynonymExpander([["주차딱지", "주정차 과태료"]]).Expand("여권 재발급"));

    [Fact]
    public void Ignores_groups_with_a_single_phrase() =>
        Assert.Equal(0, new SynonymExpander([["주차딱지"], ["", " "]]).Count);

    [Fact]
    public void Default_groups_map_citizen_words_to_notice_words() =>
        Assert.Contains("과태료", new SynonymExpander(DefaultSynonyms.Groups).Expand("딱지끊겼어요"));
}
