using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Core.Knowledge;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Embeddings;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>
/// Issue 13: the optional dense + BM25 hybrid behind Microsoft.Extensions.AI, against a fake of an outside embedding
/// model (an OpenAI-compatible /v1/embeddings on loopback): vectors stored per article version and model, the fusion,
/// and the fall-back to BM25 alone on every kind of failure.
/// </summary>
public sealed class KnowledgeEmbeddingTests
{
    private const string Articles = """
        {"id":"birth","title":"출생신고","body":"아기가 태어나면 한 달 안에 주민센터나 정부24에서 출생신고를 합니다.","category":"민원","keywords":["출생신고","신생아"],"questions":["출생신고 어디서 해요?"]}
        {"id":"passport","title":"여권 발급","body":"여권은 구청 민원실에서 신청하고 찾아갑니다.","category":"민원","keywords":["여권"],"questions":["여권 어디서 만들어요?"]}
        {"id":"parking","title":"불법 주정차 과태료 납부","body":"주정차 과태료는 위택스에서 냅니다.","category":"교통","keywords":["과태료"],"questions":["주차위반 과태료 어디서 내요?"]}
        """;

    // Shares 구청 with the passport article and nothing telling with the birth one: BM25 alone answers passport.
    private const string Question = "우리 애가 세상에 나왔는데 구청 가서 올려야 돼요";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FakeOutsideEmbeddingService> StartModelAsync()
    {
        var model = await FakeOutsideEmbeddingService.StartAsync();
        model.Concepts.Add(["출생", "태어", "세상에 나왔", "아기", "신생아"]);
        model.Concepts.Add(["여권"]);
        model.Concepts.Add(["주차", "주정차", "과태료"]);
        return model;
    }

    private static WebApplicationFactory<Program> App(SqliteAppFactory factory, FakeOutsideEmbeddingService model, string name = "fake-ko-1",
        int timeoutMs = 10_000) => factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Minwon:Knowledge:Embeddings:Url", model.Url);
            b.UseSetting("Minwon:Knowledge:Embeddings:Model", name);
            b.UseSetting("Minwon:Knowledge:Embeddings:QueryTimeoutMilliseconds", timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Minwon:Knowledge:Embeddings:DenseWeight", "1.5");
        });

    private static async Task ImportAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(Articles), Ct);
        Assert.Empty(report.Problems);
    }

    private static async Task<List<ArticleEmbedding>> StoredAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArticleEmbedding>().AsNoTracking().OrderBy(e => e.ArticleId).ToListAsync(Ct);
    }

    private static string Bm25Alone(string question)
    {
        using var index = KnowledgeIndex.InMemory(KnowledgeAnalysis.Korean);
        index.AddNew(EvaluateKnowledge.ReadArticles(Articles.Split('\n')));
        index.Commit();
        return index.Search(question, 3, TimeProvider.System.GetUtcNow(), SynonymExpander.WithDefaults([]))[0].Id;
    }

    [Fact]
    public void Off_by_default()
    {
        Assert.False(new KnowledgeEmbeddingOptions().IsEnabled);
        Assert.False(new KnowledgeEmbeddingOptions { Url = "http://127.0.0.1:1/v1" }.IsEnabled);
    }

    [Fact]
    public async Task The_hybrid_finds_what_only_the_embedding_relates_and_vectors_are_stored_per_article_version()
    {
        await using var model = await StartModelAsync();
        await using var factory = new SqliteAppFactory();
        await using var app = App(factory, model);
        await ImportAsync(app.Services);

        var stored = await StoredAsync(app.Services);
        Assert.Equal(["birth", "parking", "passport"], stored.Select(e => e.ArticleId));
        Assert.All(stored, e => Assert.Equal(("fake-ko-1", 1, 4, 16), (e.Model, e.Version, e.Dimensions, e.Vector.Length)));

        Assert.Equal("passport", Bm25Alone(Question));
        var search = app.Services.GetRequiredService<KnowledgeSearch>();
        var hits = await search.SearchAsync(Question, 3, Ct);
        Assert.Equal("birth", hits[0].ArticleId);
        Assert.Contains(hits, h => h.ArticleId == "passport");

        // Nothing lexical in common with any article: the dense hit comes from the index by id, score from BM25's scale.
        var dense = await search.SearchIndexAsync("애가 세상에 나왔어", 3, withDocuments: true, Ct);
        Assert.Equal("birth", dense[0].Id);
        Assert.Equal("출생신고", dense[0].Title);

        // An edit is a new version: its vector is computed again and replaces the old one. (The first search started a
        // background catch-up; it is awaited so that it cannot compute the edit's vector too.)
        await app.Services.GetRequiredService<KnowledgeEmbeddings>().StartCatchUp();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var requests = model.Requests.Count;
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<SaveArticle>().UpdateAsync("passport",
                new ArticleInput { Id = "passport", Title = "여권 발급", Body = "여권은 구청 민원실이나 정부24에서 신청합니다.", Category = "민원", Keywords = ["여권"] }, Ct);
            Assert.Equal(SaveArticle.Outcome.Updated, outcome);
            Assert.Equal(requests + 1, model.Requests.Count);
        }

        Assert.Equal(2, (await StoredAsync(app.Services)).Single(e => e.ArticleId == "passport").Version);
    }

    [Fact]
    public async Task A_new_model_setting_computes_every_vector_again_and_an_endpoint_that_was_down_is_caught_up()
    {
        await using var model = await StartModelAsync();
        await using var factory = new SqliteAppFactory();
        await using var app = App(factory, model);
        model.Mode = "500";
        await ImportAsync(app.Services); // The save does not fail for the model's sake; the articles are found by BM25.
        Assert.Empty(await StoredAsync(app.Services));
        Assert.Equal("passport", (await app.Services.GetRequiredService<KnowledgeSearch>().SearchIndexAsync("여권", 1, false, Ct))[0].Id);

        var first = app.Services.GetRequiredService<KnowledgeEmbeddings>();
        await first.StartCatchUp(); // The search's background catch-up, still against the failing endpoint.
        model.Mode = "ok";
        Assert.Equal(3, await first.CatchUpAsync(Ct));
        Assert.Equal(0, await first.CatchUpAsync(Ct));

        var other = new KnowledgeEmbeddings(Options.Create(new KnowledgeEmbeddingOptions { Url = model.Url, Model = "fake-ko-2" }),
            app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<KnowledgeEmbeddings>.Instance);
        Assert.Equal(3, await other.CatchUpAsync(Ct));
        Assert.All(await StoredAsync(app.Services), e => Assert.Equal("fake-ko-2", e.Model));
        Assert.Contains(model.Requests, r => r.Model == "fake-ko-2");
    }

    [Theory]
    [InlineData("slow", "timeout")]
    [InlineData("500", "error")]
    [InlineData("malformed", "error")]
    [InlineData("wrong-dimension", "dimension")]
    public async Task A_failing_model_leaves_BM25_alone_and_is_counted(string mode, string reason)
    {
        await using var model = await StartModelAsync();
        await using var factory = new SqliteAppFactory();
        await using var app = App(factory, model, timeoutMs: 300);
        await ImportAsync(app.Services);
        var search = app.Services.GetRequiredService<KnowledgeSearch>();
        await app.Services.GetRequiredService<KnowledgeEmbeddings>().EnsureLoadedAsync(Ct);
        await app.Services.GetRequiredService<KnowledgeEmbeddings>().StartCatchUp();

        var reasons = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "minwon.knowledge.embedding_fallbacks")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (reasons)
            {
                reasons.Add(tags.ToArray().Single(t => t.Key == "reason").Value as string ?? "");
            }
        });
        listener.Start();

        model.Mode = mode;
        var hits = await search.SearchAsync(Question, 3, Ct);
        Assert.Equal(Bm25Alone(Question), hits[0].ArticleId);
        Assert.NotEqual("birth", hits[0].ArticleId);
        lock (reasons)
        {
            Assert.Equal([reason], reasons);
        }
    }
}
