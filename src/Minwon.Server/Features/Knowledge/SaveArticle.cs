using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// Creates, edits and retires articles. Every change that alters an article bumps its version, stores a snapshot
/// in the history and updates the search index in the same call, so an edit is searchable as soon as it returns.
/// </summary>
public sealed class SaveArticle(MinwonDbContext db, KnowledgeSearch search, TimeProvider time)
{
    public enum Outcome
    {
        Created,
        Updated,
        Unchanged,
        NotFound,
        Conflict,
    }

    public async Task<(Outcome Outcome, Article? Article)> CreateAsync(ArticleInput input, CancellationToken cancellationToken)
    {
        var id = input.Id!.Trim();
        if (await db.Set<Article>().AnyAsync(a => a.Id == id, cancellationToken))
        {
            return (Outcome.Conflict, null);
        }

        var article = new Article { Id = id, Title = "" };
        Apply(article, input);
        Stamp(article, "create");
        db.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync([article], cancellationToken);
        return (Outcome.Created, article);
    }

    public async Task<(Outcome Outcome, Article? Article)> UpdateAsync(string id, ArticleInput input, CancellationToken cancellationToken)
    {
        var article = await db.Set<Article>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return (Outcome.NotFound, null);
        }

        if (!Apply(article, input))
        {
            return (Outcome.Unchanged, article);
        }

        Stamp(article, "update");
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync([article], cancellationToken);
        return (Outcome.Updated, article);
    }

    public async Task<(Outcome Outcome, Article? Article)> RetireAsync(string id, CancellationToken cancellationToken)
    {
        var article = await db.Set<Article>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return (Outcome.NotFound, null);
        }

        if (article.Retired)
        {
            return (Outcome.Unchanged, article);
        }

        article.Retired = true;
        Stamp(article, "retire");
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync([article], cancellationToken);
        return (Outcome.Updated, article);
    }

    /// <summary>Imports validated inputs in one transaction (the caller batches); existing ids get a new version.</summary>
    public async Task<Dictionary<string, Outcome>> UpsertAsync(IReadOnlyList<ArticleInput> inputs, CancellationToken cancellationToken)
    {
        var ids = inputs.Select(i => i.Id!.Trim()).ToList();
        var existing = await db.Set<Article>().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var changed = new List<Article>();
        foreach (var input in inputs)
        {
            var id = input.Id!.Trim();
            if (existing.TryGetValue(id, out var article))
            {
                var wasRetired = article.Retired;
                article.Retired = false;
                if (!Apply(article, input) && !wasRetired)
                {
                    outcomes[id] = Outcome.Unchanged;
                    continue;
                }

                Stamp(article, "import");
                outcomes[id] = Outcome.Updated;
            }
            else
            {
                article = new Article { Id = id, Title = "" };
                Apply(article, input);
                Stamp(article, "import");
                db.Add(article);
                existing[id] = article;
                outcomes[id] = Outcome.Created;
            }

            changed.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await search.IndexAsync(changed, cancellationToken);
        return outcomes;
    }

    private void Stamp(Article article, string change)
    {
        article.Version++;
        article.UpdatedAt = time.GetUtcNow();
        db.Add(ArticleVersion.Of(article, change));
    }

    /// <summary>Copies the input onto the article; true when anything changed. Absent optional fields keep their value.</summary>
    private static bool Apply(Article article, ArticleInput input)
    {
        var before = Snapshot(article);
        article.Title = input.Title!.Trim();
        article.Body = input.Body ?? "";
        article.Category = input.Category?.Trim() ?? "";
        article.Keywords = Clean(input.Keywords);
        article.Questions = Clean(input.Questions);
        article.ShortAnswer = input.ShortAnswer?.Trim() ?? article.ShortAnswer;
        article.Department = input.Department?.Trim() ?? article.Department;
        article.ValidFrom = input.ValidFrom ?? article.ValidFrom;
        article.ValidUntil = input.ValidUntil ?? article.ValidUntil;
        return before != Snapshot(article);
    }

    private static List<string> Clean(List<string>? items) =>
        items?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList() ?? [];

    private static string Snapshot(Article a) => System.Text.Json.JsonSerializer.Serialize(
        new object?[] { a.Title, a.Body, a.Category, a.Keywords, a.Questions, a.ShortAnswer, a.Department, a.ValidFrom, a.ValidUntil });
}
