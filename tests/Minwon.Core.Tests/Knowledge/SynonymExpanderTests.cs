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

    [Theory]
    [InlineData("물 끊김")]
    [InlineData("물끊김 언제까지")]
    [InlineData("아침부터 물 끊겼어요")]
    public void A_directed_phrase_matches_without_its_particles(string query) =>
        Assert.Contains("단수", new SynonymExpander([], [["단수", "물이 끊"]]).Expand(query));

    [Theory]
    [InlineData("주차 없어요")]
    [InlineData("선물 끊어요")]
    public void A_phrase_without_its_particles_matches_only_from_the_start_of_a_word(string query)
    {
        var expander = new SynonymExpander([], [["견인", "차가 없어"], ["단수", "물이 끊"]]);
        Assert.Empty(expander.Expand(query));
    }

    [Fact]
    public void A_phrase_without_particles_counts_once_as_a_trigger()
    {
        var expander = new SynonymExpander([], [["단수", "물이 끊", "물이 안 나"]]);
        Assert.Equal(1, expander.Triggers("물 끊김", "단수"));
        Assert.Equal(1, expander.Triggers("물이 끊겼어요", "단수"));
    }

    // Session 11 review: the particle-less match at the edges of the input.
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("음 저기 그니까")]
    [InlineData("water off")]
    public void A_query_with_no_phrase_adds_nothing_and_counts_no_trigger(string query)
    {
        var expander = new SynonymExpander([], [["단수", "물이 끊"]]);
        Assert.Empty(expander.Expand(query));
        Assert.Equal(0, expander.Triggers(query, "단수"));
    }

    [Fact]
    public void A_phrase_without_its_particles_is_found_at_the_end_of_a_ten_thousand_character_query()
    {
        var expander = new SynonymExpander([], [["단수", "물이 끊"]]);
        var query = new string('가', 10_000) + " 물 끊김";
        Assert.Equal(["단수"], expander.Expand(query));
        Assert.Equal(1, expander.Triggers(query, "단수"));
    }
}
