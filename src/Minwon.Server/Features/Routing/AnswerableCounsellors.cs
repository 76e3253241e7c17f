using Minwon.Core.Routing;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// Who could take a contact now: available, not resting, and with a live connection on some node (presence follows
/// connections). One definition for the router, the citizen's waiting page and the caller's expected wait.
/// </summary>
public static class AnswerableCounsellors
{
    public static IQueryable<AgentProfile> AnswerableNow(this IQueryable<AgentProfile> agents, MinwonDbContext db, DateTimeOffset now) =>
        agents.Where(a => a.Presence == Presence.Available && (a.RestUntil == null || a.RestUntil < now)
            && db.Set<AgentConnection>().Any(c => c.UserId == a.UserId));
}
