using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>Issue 13, session 9: search speed at 100,000 articles (TermLookups).</summary>
public sealed class TermLookupsTests
{
    internal static Article Article(int i, string title, string body) => new()
    {
        Id = $"a-{i}", Title = title, Body = body, Category = "생활",
        Keywords = [title], Questions = [$"{title} 어떻게 해요?"],
    };

    /// <summary>
    /// 1,200 articles: every one says 신청 and 안내 (common terms once past 500 documents), a few name a rarer service,
    /// so the builder splits the question into rare and common terms as on a large base.
    /// </summary>
    internal static RAMDirectory LargeBase()
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, new KnowledgeAnalyzer()) { Similarity = new BM25Similarity() });
        for (var i = 0; i < 1200; i++)
        {
            var (title, body) = (i % 40) switch
            {
                0 => ("여권 발급 신청 안내", "여권 발급 신청은 구청 민원실에서 안내합니다. 여권 사진이 필요합니다."),
                1 => ("여권 분실 신고 안내", "여권을 잃어버렸으면 분실 신고 후 새로 신청합니다."),
                2 => ("수도요금 납부 신청 안내", "수도요금 자동이체 신청 안내입니다."),
                _ => ($"생활 민원 {i} 신청 안내", $"생활 민원 {i}번 신청 안내입니다. 신청서는 주민센터에서 안내합니다."),
            };
            writer.AddDocument(KnowledgeDocuments.Create(Article(i, title, body), KnowledgeAnalysis.Korean));
        }

        return directory;
    }

    internal static IndexSearcher Searcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    [Fact]
    public void Term_statistics_are_looked_up_once_per_reader_and_match_the_index()
    {
        using var directory = LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var stats = TermLookups.Of(reader);
        Assert.Same(stats, TermLookups.Of(reader));

        var passport = new Term("title_g", "여권");
        Assert.Equal(reader.DocFreq(passport), stats.DocFreq(passport));
        Assert.Equal(60, stats.DocFreq(passport));
        var cached = stats.Cached;
        Assert.Equal(60, stats.DocFreq(passport));
        Assert.Equal(cached, stats.Cached);

        using var other = DirectoryReader.Open(directory);
        Assert.NotSame(stats, TermLookups.Of(other));
    }

    [Fact]
    public void A_term_no_document_holds_adds_no_clause()
    {
        using var directory = LargeBase();
        using var reader = DirectoryReader.Open(directory);
        var stats = TermLookups.Of(reader);
        var root = new BooleanQuery(disableCoord: true);
        stats.Add(root, new Term("title_g", "여권"), 3f);
        stats.Add(root, new Term("title_g", "캠핑"), 3f); // no article has it
        Assert.Single(root.Clauses);
        Assert.Equal(3f, root.Clauses[0].Query.Boost);
    }
}
