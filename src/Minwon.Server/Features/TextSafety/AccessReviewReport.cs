using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.TextSafety;

public sealed record AccessReviewRow(string ActorId, string ActorRole, string Action, int Count, DateTimeOffset First, DateTimeOffset Last);

public sealed record AccessReview(string Month, int Entries, bool ChainIntact, List<AccessReviewRow> ByActor, List<AccessLogEntry> OutOfHours);

/// <summary>The monthly review supervisors sign off: who accessed personal data how often, and accesses at night.</summary>
public sealed class AccessReviewReport(MinwonDbContext db, AccessLog log, CityClock clock)
{
    public async Task<AccessReview> HandleAsync(string? month, CancellationToken ct)
    {
        var now = clock.Now;
        DateTime first;
        if (month is null)
        {
            first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        }
        else if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            throw ProblemException.Invalid("month는 yyyy-MM 형식이어야 합니다.");
        }

        var start = clock.FromLocal(first);
        var end = start.AddMonths(1);
        var entries = await db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.At >= start && e.At < end).OrderBy(e => e.Sequence).ToListAsync(ct);
        var byActor = entries.GroupBy(e => (e.ActorId, e.ActorRole, e.Action))
            .Select(g => new AccessReviewRow(g.Key.ActorId, g.Key.ActorRole, g.Key.Action, g.Count(), g.Min(e => e.At), g.Max(e => e.At)))
            .OrderByDescending(r => r.Count).ToList();
        var night = entries.Where(e => clock.Local(e.At).Hour is < 7 or >= 22).Take(200).ToList();
        var verification = await log.VerifyAsync(ct);
        return new AccessReview(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), entries.Count, verification.Intact, byActor, night);
    }
}
