using Lucene.Net.Store;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

public sealed class KnowledgeIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly string path = System.IO.Directory.CreateTempSubdirectory("minwon-kb-index-").FullName;

    [Fact]
    public void A_second_opener_of_a_locked_index_can_still_search_read_only()
    {
        using var writer = new KnowledgeIndex(FSDirectory.Open(path), KnowledgeAnalysis.Korean);
        writer.Upsert([new Article { Id = "lock-1", Title = "가로등 고장 신고", Body = "가로등이 꺼지면 120에 알려 주세요." }]);
        writer.Commit();

        Assert.Throws<LockObtainFailedException>(() => new KnowledgeIndex(FSDirectory.Open(path), KnowledgeAnalysis.Korean));
        using var reader = new KnowledgeIndex(FSDirectory.Open(path), KnowledgeAnalysis.Korean, readOnly: true);
        Assert.True(reader.IsReadOnly);
        Assert.Equal("lock-1", reader.Search("가로등이 안켜져요", 3, Now, SynonymExpander.Empty)[0].Id);
        Assert.Throws<InvalidOperationException>(() => reader.Upsert([new Article { Id = "lock-2", Title = "x" }]));
    }

    [Fact]
    public void Articles_that_start_later_or_ended_are_filtered_out()
    {
        using var index = KnowledgeIndex.InMemory(KnowledgeAnalysis.Korean);
        index.Upsert(
        [
            new Article { Id = "now", Title = "폭염 무더위쉼터 운영" },
            new Article { Id = "later", Title = "폭염 무더위쉼터 운영 2027", ValidFrom = Now.AddDays(30) },
            new Article { Id = "ended", Title = "폭염 무더위쉼터 운영 2025", ValidUntil = Now.AddDays(-30) },
        ]);

        Assert.Equal(["now"], index.Search("무더위쉼터", 10, Now, SynonymExpander.Empty).Select(h => h.Id));
        Assert.Contains("later", index.Search("무더위쉼터", 10, Now.AddDays(31), SynonymExpander.Empty).Select(h => h.Id));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
