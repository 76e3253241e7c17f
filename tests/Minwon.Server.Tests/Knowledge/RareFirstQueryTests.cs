using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>Issue 13, session 9: search speed at 100,000 articles (RareFirstQuery.Candidates).</summary>
public sealed class RareFirstQueryTests
{
    private static RAMDirectory LargeBase() => TermLookupsTests.LargeBase();

    private static IndexSearcher Searcher(IndexReader reader) => TermLookupsTests.Searcher(reader);

    [Fact]
    public void Rare_first_candidates_give_the_full_query_order_and_scores_when_the_pool_holds_them()
    {
        using var directory = LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        var query = builder.Build(builder.Fold("여권 신청 안내 좀 해 주세요"), SynonymExpander.Empty, reader);
        var split = Assert.IsType<RareFirstQuery>(query);
        Assert.NotEmpty(split.Rare.Clauses);
        Assert.NotEmpty(split.Common.Clauses);

        var exact = searcher.Search(split, 20).ScoreDocs;
        var fast = RareFirstQuery.Candidates(searcher, split, null, 20).ScoreDocs;
        Assert.Equal(exact.Length, fast.Length);
        for (var i = 0; i < exact.Length; i++)
        {
            Assert.Equal(exact[i].Score, fast[i].Score, 4);
        }

        Assert.Equal(exact.Select(d => d.Doc).Order(), fast.Select(d => d.Doc).Order());
        Assert.StartsWith("여권", searcher.Doc(fast[0].Doc).Get(KnowledgeFields.Title), StringComparison.Ordinal);
    }

    [Fact]
    public void Rare_first_candidates_only_add_common_scores_inside_the_pool()
    {
        using var directory = LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        var split = Assert.IsType<RareFirstQuery>(builder.Build(builder.Fold("여권 신청 안내"), SynonymExpander.Empty, reader));

        var rareOnly = searcher.Search(split.Rare, 5).ScoreDocs;
        var fast = RareFirstQuery.Candidates(searcher, split, null, 5, pool: 5).ScoreDocs;
        Assert.Equal(rareOnly.Select(d => d.Doc).Order(), fast.Select(d => d.Doc).Order());
        Assert.All(fast, d => Assert.True(d.Score > rareOnly.Min(r => r.Score)));
    }

    [Fact]
    public void A_plain_query_is_searched_as_it_is()
    {
        using var directory = LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var query = new TermQuery(new Term("title_g", "여권"));
        Assert.Equal(searcher.Search(query, 10).ScoreDocs.Select(d => d.Doc), RareFirstQuery.Candidates(searcher, query, null, 10).ScoreDocs.Select(d => d.Doc));
    }
}
