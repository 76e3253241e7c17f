using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>
/// Session 13: when one question fires the colloquial lexicon for two neighbouring services, the words their service
/// names share are not expanded (they would lift both neighbours alike); the words that tell them apart are.
/// </summary>
public sealed class NeighbourContrastTests
{
    private static readonly Article Bill = new()
    {
        Id = "water-bill", Title = "수도요금 조회와 납부", Category = "수도", Keywords = ["수도요금", "상수도 요금"],
        Questions = ["물값 어디서 확인해요", "수도요금 자동이체"], Body = "수도요금은 고객번호로 조회하고 자동이체로 납부합니다.",
    };

    private static readonly Article Excess = new()
    {
        Id = "water-excess", Title = "수도요금이 너무 많이 나왔을 때", Category = "수도", Keywords = ["요금 과다", "누수 감면"],
        Questions = ["수도세 폭탄 맞았어요"], Body = "평소보다 수도요금이 많이 나왔다면 집 안 누수일 수 있습니다. 수리 후 감면을 신청합니다.",
    };

    private static readonly SynonymExpander Lexicon = new([], [["수도요금 조회 납부", "물값"], ["수도요금 과다 누수 감면", "평소보다 많이"]]);

    [Fact]
    public void Shared_words_of_the_fired_service_names_are_found()
    {
        var shared = KnowledgeQueryBuilder.SharedByServices(["수도요금 조회 납부", "수도요금 과다 누수 감면"]);
        Assert.Contains("수도", shared);
        Assert.Contains("요금", shared);
        Assert.DoesNotContain("과다", shared);
        Assert.DoesNotContain("조회", shared);
        Assert.Empty(KnowledgeQueryBuilder.SharedByServices(["수도요금 과다 누수 감면"]));
    }

    [Fact]
    public void No_names_empty_names_or_names_without_a_term_share_nothing()
    {
        Assert.Empty(KnowledgeQueryBuilder.SharedByServices([]));
        Assert.Empty(KnowledgeQueryBuilder.SharedByServices(["", ""]));
        Assert.Empty(KnowledgeQueryBuilder.SharedByServices(["  ", "수도요금 과다 누수 감면"]));
        Assert.Empty(KnowledgeQueryBuilder.SharedByServices(["?!", "?!", "수도요금 조회 납부"]));
    }

    [Fact]
    public void Two_fired_neighbours_expand_only_what_tells_them_apart()
    {
        using var directory = Index();
        using var reader = DirectoryReader.Open(directory);
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);

        var both = Terms(builder.Build(builder.Fold("물값이 평소보다 많이 나왔어요"), Lexicon, reader));
        Assert.Contains("과다", both);
        Assert.Contains("조회", both);
        Assert.DoesNotContain("수도", both);

        // One service fired: its whole name is expanded, shared words included.
        var one = Terms(builder.Build(builder.Fold("평소보다 많이 나왔어요"), Lexicon, reader));
        Assert.Contains("수도", one);
        Assert.Contains("과다", one);
    }

    // A guard on the whole query, not evidence for the contrast: on this two-article index it also passed with the
    // contrast switched off (checked 23:08 UTC; the two tests above failed then). The evidence is the eval sets.
    [Fact]
    public void The_neighbour_the_question_describes_comes_first()
    {
        using var directory = Index();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        var query = builder.Build(builder.Fold("물값이 평소보다 많이 나왔어요"), Lexicon, reader);
        Assert.NotNull(query);
        var hits = searcher.Search(query, 2).ScoreDocs;
        Assert.Equal("water-excess", searcher.Doc(hits[0].Doc).Get(KnowledgeFields.Id));
    }

    private static RAMDirectory Index()
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, new KnowledgeAnalyzer()));
        writer.AddDocument(KnowledgeDocuments.Create(Bill, KnowledgeAnalysis.Korean));
        writer.AddDocument(KnowledgeDocuments.Create(Excess, KnowledgeAnalysis.Korean));
        return directory;
    }

    private static HashSet<string> Terms(Query? query)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        Collect(Assert.IsType<Query>(query, exactMatch: false));
        return terms;

        void Collect(Query q)
        {
            if (q is TermQuery term && term.Term.Field.EndsWith("_g", StringComparison.Ordinal))
            {
                terms.Add(term.Term.Text);
            }
            else if (q is BooleanQuery boolean)
            {
                foreach (var clause in boolean.Clauses)
                {
                    Collect(clause.Query);
                }
            }
        }
    }
}
