using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.IssueAlerting;

public sealed record ActiveNotice(Guid Id, string Text, string? District, IReadOnlyList<string> Terms, DateTimeOffset ValidUntil);

/// <summary>
/// Current notices for every surface (desk, bot, visual ARS), cached for a few seconds because the ARS front page
/// and every bot turn read them; publishing clears the cache on this node.
/// </summary>
public sealed class NoticeBoard(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private volatile IReadOnlyList<ActiveNotice>? cached;
    private DateTimeOffset cachedAt;

    public async Task<IReadOnlyList<ActiveNotice>> ActiveAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cached is { } list && now - cachedAt < CacheFor)
        {
            return list.Where(n => n.ValidUntil > now).ToList();
        }

        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Notice>().AsNoTracking()
            .Where(n => !n.Withdrawn && n.ValidUntil > now && n.ValidFrom <= now)
            .OrderByDescending(n => n.CreatedAt).Take(20).ToListAsync(ct);
        cached = rows.Select(n => new ActiveNotice(n.Id, n.Text, n.District,
            n.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries), n.ValidUntil)).ToList();
        cachedAt = now;
        return cached;
    }

    /// <summary>Notices that concern a citizen's question: it names the notice's district or one of its terms.</summary>
    public async Task<IReadOnlyList<ActiveNotice>> RelevantAsync(string question, CancellationToken ct)
    {
        var compact = question.Replace(" ", "", StringComparison.Ordinal);
        return (await ActiveAsync(ct)).Where(n =>
            n.District is { Length: > 1 } d && compact.Contains(d[..^1], StringComparison.Ordinal)
            || n.Terms.Any(t => t.Length >= 2 && compact.Contains(t, StringComparison.Ordinal))).ToList();
    }

    public void Invalidate() => cached = null;
}
