using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>Issue 13, session 7: the second opinion on BM25's best candidates (see ArticleQuestionModel).</summary>
public sealed class ArticleQuestionModelTests
{
    private static readonly Article CallTaxi = new()
    {
        Id = "welfare-taxi", Title = "장애인 콜택시 이용 신청", Category = "복지",
        Keywords = ["장애인 콜택시", "교통약자 택시", "택시 예약"],
        Questions = ["장애인 콜택시 어떻게 불러요?", "휠체어 택시 예약하고 싶어요"],
        Body = "장애인 콜택시는 교통약자 이동지원센터에 회원 등록 후 전화나 앱으로 택시를 예약합니다. 택시 요금은 일반 택시보다 저렴합니다.",
    };

    private static readonly Article LostItem = new()
    {
        Id = "traffic-lost", Title = "대중교통 분실물 찾기", Category = "교통",
        Keywords = ["분실물", "유실물", "놓고 내림"],
        Questions = ["버스에 지갑을 놓고 내렸어요", "잃어버린 물건 어디서 찾아요?"],
        Body = "버스, 지하철, 택시에 두고 내린 물건은 대중교통 통합 분실물 센터에서 조회할 수 있습니다. 카드로 결제했다면 차량을 찾기 쉽습니다.",
    };

    private static FoldedQuestion Folded(string question) => new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean).Fold(question);

    [Theory]
    [InlineData("택시에 가방을 놓고 내렸는데 물건 어디서 찾아요", "traffic-lost")]
    [InlineData("다리가 불편해서 휠체어 타는데 택시 예약 어떻게 불러요", "welfare-taxi")]
    public void Puts_first_the_candidate_that_accounts_for_the_whole_question_whatever_the_order_it_gets(string question, string expected)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, new KnowledgeAnalyzer())))
        {
            writer.AddDocument(KnowledgeDocuments.Create(CallTaxi, KnowledgeAnalysis.Korean));
            writer.AddDocument(KnowledgeDocuments.Create(LostItem, KnowledgeAnalysis.Korean));
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        string Id(ScoreDoc hit) => searcher.Doc(hit.Doc).Get(KnowledgeFields.Id);

        // Equal BM25 scores in both orders: only the model can decide, and it must decide the same way each time.
        foreach (var order in new[] { new[] { 0, 1 }, new[] { 1, 0 } })
        {
            var hits = order.Select(d => new ScoreDoc(d, 10f)).ToList();
            var ranked = ArticleQuestionModel.Rerank(Folded(question), hits, searcher);
            Assert.Equal(2, ranked.Count);
            Assert.Equal(expected, Id(ranked[0].Hit));
        }
    }

    [Fact]
    public void Does_not_overturn_a_clear_bm25_lead()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, new KnowledgeAnalyzer())))
        {
            writer.AddDocument(KnowledgeDocuments.Create(CallTaxi, KnowledgeAnalysis.Korean));
            writer.AddDocument(KnowledgeDocuments.Create(LostItem, KnowledgeAnalysis.Korean));
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var hits = new List<ScoreDoc> { new(0, 40f), new(1, 10f) };
        var ranked = ArticleQuestionModel.Rerank(Folded("택시에 가방을 놓고 내렸는데 물건 어디서 찾아요"), hits, searcher);
        Assert.Equal(0, ranked[0].Hit.Doc);
    }
}
