using Lucene.Net.Index;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>
/// Session 13: the query builder and the rescoring take a <see cref="FoldedQuestion"/>, which only
/// <see cref="KnowledgeQueryBuilder.Fold"/> makes, so a raw question cannot reach them unfolded.
/// </summary>
public sealed class FoldedQuestionTests
{
    [Fact]
    public void Fold_normalises_and_folds_spoken_spellings_and_loanwords_for_the_korean_analysis()
    {
        var korean = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        Assert.Equal("주차 신고 어디서 해요", korean.Fold("ＰＡＲＫＩＮＧ 리포트 어디서 해요?").Text.Trim());
        Assert.Equal("남아있는데", korean.Fold("남아잇는데").Text);

        var whitespace = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Whitespace);
        Assert.Equal("파킹 리포트", whitespace.Fold("파킹 리포트").Text);
    }

    [Fact]
    public void A_default_folded_question_is_empty_and_builds_no_query()
    {
        using var directory = TermLookupsTests.LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        Assert.Equal("", default(FoldedQuestion).Text);
        Assert.Null(builder.Build(default, SynonymExpander.Empty, reader));
        Assert.NotNull(builder.Build(builder.Fold("여권 신청"), SynonymExpander.Empty, reader));
    }
}
