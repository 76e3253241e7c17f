using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Knowledge;

/// <summary>Registration of the knowledge base (articles, history, search, synonyms) under /api/knowledge.</summary>
public static class KnowledgeEndpoints
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Embeddings.KnowledgeEmbeddingOptions>().BindConfiguration(Embeddings.KnowledgeEmbeddingOptions.Section);
        builder.Services.AddSingleton<Embeddings.KnowledgeEmbeddings>();
        builder.Services.AddSingleton<KnowledgeSearch>()
            .AddScoped<SaveArticle>()
            .AddScoped<ImportArticles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/knowledge").WithTags("Knowledge");

        var read = api.MapGroup("").RequireAuthorization(KnowledgePolicies.Read);
        var edit = api.MapGroup("").RequireAuthorization(KnowledgePolicies.Edit);

        read.MapGet("/articles", ListAsync).WithSummary("List articles (current ones unless includeRetired), paged by skip/take");
        read.MapGet("/articles/{id}", GetAsync).WithSummary("Get one article with its short answer");
        read.MapGet("/articles/{id}/history", HistoryAsync).WithSummary("Every version of an article, oldest first");
        read.MapGet("/search", SearchAsync).WithSummary("Korean search over current articles: short answer and an escaped passage with <mark>");
        edit.MapPost("/articles", CreateAsync).WithSummary("Create an article (version 1)");
        edit.MapPut("/articles/{id}", UpdateAsync).WithSummary("Edit an article; a change adds a version");
        edit.MapPost("/articles/{id}/retire", RetireAsync).WithSummary("Retire an article: kept with its history, no longer searchable");
        edit.MapPost("/reindex", async Task<Ok<ReindexResult>> (KnowledgeSearch search, CancellationToken ct) =>
            TypedResults.Ok(new ReindexResult(await search.ReindexAsync(ct))))
            .WithSummary("Rebuild the search index from the database");
        SynonymEndpoints.Map(read, edit);
        return app;
    }

    public sealed record ReindexResult(int Indexed);

    public sealed record ArticleSummary(string Id, string Title, string Category, string Department, bool Retired, int Version, DateTimeOffset UpdatedAt);

    private static async Task<Ok<List<ArticleSummary>>> ListAsync(
        MinwonDbContext db, string? category, bool? includeRetired, int? skip, int? take, CancellationToken ct)
    {
        var query = db.Set<Article>().AsNoTracking();
        if (includeRetired != true)
        {
            query = query.Where(a => !a.Retired);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(a => a.Category == category);
        }

        var page = await query.OrderBy(a => a.Id).Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500))
            .Select(a => new ArticleSummary(a.Id, a.Title, a.Category, a.Department, a.Retired, a.Version, a.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> GetAsync(
        string id, MinwonDbContext db, TimeProvider time, CancellationToken ct)
    {
        var article = await db.Set<Article>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? NotFound(id) : TypedResults.Ok(ArticleView.Of(article, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<List<ArticleVersion>>, ProblemHttpResult>> HistoryAsync(
        string id, MinwonDbContext db, CancellationToken ct)
    {
        var versions = await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == id).OrderBy(v => v.Version).ToListAsync(ct);
        return versions.Count == 0 ? NotFound(id) : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<IReadOnlyList<KnowledgeHit>>, ProblemHttpResult>> SearchAsync(
        string? q, int? top, KnowledgeSearch search, CancellationToken ct)
    {
        if (top is < 1 or > KnowledgeSearch.MaxTop)
        {
            return TypedResults.Problem(statusCode: 400, title: $"top must be between 1 and {KnowledgeSearch.MaxTop}");
        }

        return TypedResults.Ok(await search.SearchAsync(q, top ?? 5, ct));
    }

    private static async Task<Results<Created<ArticleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ArticleInput input, SaveArticle save, TimeProvider time, CancellationToken ct)
    {
        if (input.Validate(requireId: true) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (outcome, article) = await save.CreateAsync(input, ct);
        return outcome == SaveArticle.Outcome.Conflict
            ? TypedResults.Problem(statusCode: 409, title: $"Article '{input.Id}' already exists")
            : TypedResults.Created($"/api/knowledge/articles/{Uri.EscapeDataString(article!.Id)}", ArticleView.Of(article, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ArticleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, ArticleInput input, SaveArticle save, TimeProvider time, CancellationToken ct)
    {
        if (input.Validate(requireId: false) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (input.Id is { } bodyId && bodyId.Trim() != id)
        {
            return TypedResults.Problem(statusCode: 400, title: "The id in the body differs from the id in the URL");
        }

        var (outcome, article) = await save.UpdateAsync(id, input, ct);
        return article is null ? NotFound(id) : TypedResults.Ok(ArticleView.Of(article, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> RetireAsync(
        string id, SaveArticle save, TimeProvider time, CancellationToken ct)
    {
        var (_, article) = await save.RetireAsync(id, ct);
        return article is null ? NotFound(id) : TypedResults.Ok(ArticleView.Of(article, time.GetUtcNow()));
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: $"Article '{id}' was not found");
}
