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

    [Fact]
    public void Every_group_names_a_service_and_at_least_one_everyday_phrase()
    {
        Assert.True(ColloquialLexicon.Groups.Count >= 50);
        Assert.All(ColloquialLexicon.Groups, g => Assert.True(g.Length >= 2 && g.All(p => p.Trim().Length >= 2), string.Join(",", g)));
    }
}
