using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing;

namespace Minwon.Server.Features.Protection;

public sealed record WellbeingRow(string AgentId, string DisplayName, string Week, int AbusiveContacts, int WarningsGiven, int EndedContacts, int RestMinutes);

/// <summary>Abusive contacts, warnings and protected rest per counsellor per ISO week, for supervisors.</summary>
public sealed class Wellbeing(MinwonDbContext db, TimeProvider clock)
{
    public async Task<List<WellbeingRow>> HandleAsync(int weeks, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-7 * Math.Clamp(weeks, 1, 104));
        var incidents = await db.Set<ProtectionIncident>().AsNoTracking()
            .Where(i => i.OpenedAt >= since && i.AgentId != null).ToListAsync(ct);
        var names = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(a => a.UserId, a => a.DisplayName, ct);
        return incidents
            .GroupBy(i => (i.AgentId!, Week: $"{ISOWeek.GetYear(i.OpenedAt.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(i.OpenedAt.UtcDateTime):D2}"))
            .Select(g => new WellbeingRow(g.Key.Item1, names.GetValueOrDefault(g.Key.Item1, g.Key.Item1), g.Key.Week, g.Count(),
                g.Sum(i => i.WarningsGiven), g.Count(i => i.EndedAt != null), g.Sum(i => i.RestMinutes)))
            .OrderBy(r => r.Week).ThenBy(r => r.DisplayName)
            .ToList();
    }
}
