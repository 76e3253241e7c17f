using Minwon.Core.Knowledge;

namespace Minwon.Core.Tests.Knowledge;

public sealed class ColloquialLexiconTests
{
    private static readonly SynonymExpander Expander = SynonymExpander.WithDefaults([]);

    [Theory]
    [InlineData("차가 없어졌어요 어디로 갔죠", "견인 견인보관소")]
    [InlineData("물이 한 방울도 안 나와요", "단수 수돗물")]
    [InlineData("윗집 애들이 뛰어다녀요", "층간소음 이웃사이센터")]
    [InlineData("길에 구멍이 생겼어요", "싱크홀 지반침하 땅꺼짐")]
    public void Adds_the_service_name_to_a_described_situation(string question, string expected) =>
        Assert.Contains(expected, Expander.Expand(question.Replace(" ", "", StringComparison.Ordinal)));

    // Session 11: what happened, in the words of the person it happened to.
    [Theory]
    [InlineData("구청에서 통장을 압류한대요", "지방세 체납 분할납부")]
    [InlineData("공장에서 해고당했는데 당장 생활비가", "긴급복지 지원 위기가구")]
    [InlineData("골목 등이 밤새 깜빡깜빡해요", "가로등 보안등 고장")]
    [InlineData("현관에 누가 음식 봉지를 던지고 가요", "쓰레기 무단투기 신고 포상금")]
    [InlineData("헌 식탁이랑 서랍장 내놓으려면", "대형폐기물 배출 스티커")]
    [InlineData("네팔에서 왔는데 상담 받을 수 있나요", "외국인 통역")]
    public void Adds_the_service_name_for_what_happened(string question, string expected) =>
        Assert.Contains(expected, Expander.Expand(question));

    [Fact]
    public void Every_group_names_a_service_and_at_least_one_everyday_phrase()
    {
        Assert.True(ColloquialLexicon.Groups.Count >= 50);
        Assert.All(ColloquialLexicon.Groups, g => Assert.True(g.Length >= 2 && g.All(p => p.Trim().Length >= 2), string.Join(",", g)));
    }

    // Session 9: everyday words per service area.
    [Theory]
    [InlineData("렉카가 우리 차를 가져갔어요", "견인 견인보관소")]
    [InlineData("택시 미터기를 안 켜고 가요", "택시 승차거부 부당요금")]
    [InlineData("분리수거 언제 내놓아요", "재활용품 분리배출 요일")]
    [InlineData("길바닥이 빙판이에요", "제설 결빙 염화칼슘")]
    [InlineData("민증을 잃어버렸어요", "주민등록증 재발급 신분증")]
    [InlineData("전봇대에 찌라시가 붙었어요", "불법 현수막 광고물")]
    [InlineData("수화로 상담 되나요", "120다산콜센터 상담시간")]
    public void Adds_the_service_name_for_an_everyday_word(string question, string expected) =>
        Assert.Contains(expected, Expander.Expand(question.Replace(" ", "", StringComparison.Ordinal)));

    [Fact]
    public void The_service_area_words_are_part_of_every_group_and_name_known_services()
    {
        Assert.All(ColloquialLexicon.ServiceAreaWords, g => Assert.Contains(g, ColloquialLexicon.Groups));
        var situations = ColloquialLexicon.Groups.Except(ColloquialLexicon.ServiceAreaWords).Select(g => g[0]).ToHashSet();
        Assert.All(ColloquialLexicon.ServiceAreaWords, g => Assert.Contains(g[0], situations));
    }

    [Fact]
    public void A_service_named_by_two_groups_counts_the_phrases_of_both()
    {
        // 끌려갔 is in the first 견인 group, 렉카 in the session-9 one.
        Assert.Equal(2, Expander.Triggers("렉카가끌려갔어요", "견인 견인보관소"));
    }

    [Fact]
    public void No_everyday_phrase_merely_re_spells_its_own_service_name()
    {
        // Spaces are ignored when matching, so a phrase inside its service's name would only double that service's weight.
        static string Key(string s) => s.Replace(" ", "", StringComparison.Ordinal);
        Assert.All(ColloquialLexicon.ServiceAreaWords, g => Assert.All(g.Skip(1), p => Assert.False(Key(g[0]).Contains(Key(p), StringComparison.Ordinal), $"{p} in {g[0]}")));
    }
}
