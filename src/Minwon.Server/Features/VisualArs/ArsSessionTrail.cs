using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;

namespace Minwon.Server.Features.VisualArs;

/// <summary>The menu labels a session went through, oldest first, repeats collapsed: what a counsellor needs to know.</summary>
public static class ArsSessionTrail
{
    public static async Task<List<string>> LabelsAsync(MinwonDbContext db, ArsMenu menu, string sessionId, CancellationToken cancellationToken)
    {
        var steps = await db.Set<ArsVisit>().AsNoTracking().Where(v => v.SessionId == sessionId && v.Kind == ArsVisitKind.View)
            .OrderByDescending(v => v.At).ThenByDescending(v => v.Id).Take(30).Select(v => v.NodeId).ToListAsync(cancellationToken);
        steps.Reverse();
        var labels = steps.Where(s => s != menu.RootId).Select(s => menu.Find(s)?.LabelKo).OfType<string>().ToList();
        return labels.Where((label, i) => i == 0 || label != labels[i - 1]).TakeLast(10).ToList();
    }
}
