using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;

namespace Minwon.Server.Features.VisualArs;

/// <summary>Menu analytics for a period, from the recorded visits (aggregated in Core).</summary>
public sealed class ArsAnalyticsQuery(MinwonDbContext db, ArsMenuStore menus)
{
    public async Task<ArsMenuReport> HandleAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var visits = await db.Set<ArsVisit>().AsNoTracking().Where(v => v.At >= from && v.At < to)
            .Select(v => new ArsVisitRecord(v.SessionId, v.NodeId, v.Kind, v.At)).ToListAsync(cancellationToken);
        return ArsAnalytics.Compute(visits, (await menus.GetPublishedAsync(cancellationToken)).Menu);
    }
}
