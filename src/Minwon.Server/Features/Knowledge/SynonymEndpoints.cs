using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Knowledge;

/// <summary>/api/knowledge/synonyms: groups of equivalent phrases, applied to the next query after any change.</summary>
public static class SynonymEndpoints
{
    public sealed record SynonymInput(List<string>? Phrases);

    public static void Map(RouteGroupBuilder read, RouteGroupBuilder edit)
    {
        read.MapGet("/synonyms", async Task<Ok<List<SynonymGroup>>> (MinwonDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<SynonymGroup>().AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct)));

        edit.MapPost("/synonyms", async Task<Results<Created<SynonymGroup>, ValidationProblem>> (
            SynonymInput input, MinwonDbContext db, KnowledgeSearch search, TimeProvider time, CancellationToken ct) =>
        {
            if (Validate(input) is { } problem)
            {
                return problem;
            }

            var group = new SynonymGroup { Phrases = Clean(input.Phrases!), UpdatedAt = time.GetUtcNow() };
            db.Add(group);
            await db.SaveChangesAsync(ct);
            search.InvalidateSynonyms();
            return TypedResults.Created($"/api/knowledge/synonyms/{group.Id}", group);
        });

        edit.MapPut("/synonyms/{id:int}", async Task<Results<Ok<SynonymGroup>, ValidationProblem, ProblemHttpResult>> (
            int id, SynonymInput input, MinwonDbContext db, KnowledgeSearch search, TimeProvider time, CancellationToken ct) =>
        {
            if (Validate(input) is { } problem)
            {
                return problem;
            }

            var group = await db.Set<SynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, ct);
            if (group is null)
            {
                return TypedResults.Problem(statusCode: 404, title: $"Synonym group {id} was not found");
            }

            group.Phrases = Clean(input.Phrases!);
            group.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            search.InvalidateSynonyms();
            return TypedResults.Ok(group);
        });

        edit.MapDelete("/synonyms/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (
            int id, MinwonDbContext db, KnowledgeSearch search, CancellationToken ct) =>
        {
            var deleted = await db.Set<SynonymGroup>().Where(g => g.Id == id).ExecuteDeleteAsync(ct);
            search.InvalidateSynonyms();
            return deleted == 0 ? TypedResults.Problem(statusCode: 404, title: $"Synonym group {id} was not found") : TypedResults.NoContent();
        });
    }

    private static ValidationProblem? Validate(SynonymInput input) =>
        input.Phrases is null || Clean(input.Phrases).Count < 2 || input.Phrases.Count > 50 || input.Phrases.Any(p => p?.Length > 100)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phrases"] = ["give 2 to 50 phrases of at most 100 characters"] })
            : null;

    private static List<string> Clean(List<string> phrases) =>
        phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct().ToList();
}
