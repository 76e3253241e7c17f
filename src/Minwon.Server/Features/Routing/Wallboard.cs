using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Features.Routing;

public sealed record QueueBoardRow(int QueueId, string Name, int Waiting, int LongestWaitSeconds, double? ServiceLevel,
    int ServiceLevelTargetSeconds, double? AverageSpeedOfAnswerSeconds, double? AbandonmentRate, int Answered, int Abandoned);

/// <param name="Connections">Live desk and staff-hub connections on every node; a counsellor with none is offered nothing.</param>
public sealed record AgentBoardRow(string UserId, string DisplayName, string Presence, string? Reason, int SecondsInState, int Active, int MaxConcurrent,
    int Connections);

public sealed record WallboardView(DateTimeOffset AsOf, List<QueueBoardRow> Queues, List<AgentBoardRow> Agents);

/// <summary>
/// Supervisor wallboard figures since the city's midnight (<see cref="CityClock"/>), computed by <see cref="QueueStatistics"/>.
/// Reads only indexed columns of today's conversations (<see cref="TodaysContacts"/>, one scan shared with the channel
/// volumes on the same screen).
/// </summary>
public sealed class Wallboard(MinwonDbContext db, CityClock clock)
{
    public async Task<WallboardView> HandleAsync(CancellationToken ct) => (await ReadAsync(ct)).View;

    /// <summary>The wallboard and the scan of today's conversations it was computed from, for the channel volumes on the same screen.</summary>
    public async Task<(WallboardView View, TodaysContacts Today)> ReadAsync(CancellationToken ct)
    {
        var scanned = await TodaysContacts.ReadAsync(db, clock, ct);
        var now = scanned.AsOf;
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct);
        var today = scanned.Rows.Where(c => c.FirstEnqueuedAt is { } q && (q >= scanned.Midnight
            || c.Status is ConversationStatus.Queued or ConversationStatus.Offered)).ToList();
        var rows = new List<QueueBoardRow>();
        foreach (var queue in queues)
        {
            var records = today.Where(c => c.QueueId == queue.Id).Select(c => c.QueueRecord!);
            var s = QueueStatistics.Compute(records, now, TimeSpan.FromSeconds(queue.ServiceLevelSeconds));
            rows.Add(new QueueBoardRow(queue.Id, queue.Name, s.WaitingCount, (int)s.LongestWait.TotalSeconds, s.ServiceLevel,
                queue.ServiceLevelSeconds, s.AverageSpeedOfAnswer?.TotalSeconds, s.AbandonmentRate, s.AnsweredCount, s.AbandonedCount));
        }

        var active = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Assigned && c.AssignedToId != null)
            .GroupBy(c => c.AssignedToId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var connections = await db.Set<AgentConnection>().AsNoTracking()
            .GroupBy(c => c.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var agents = (await db.Set<AgentProfile>().AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct))
            .Select(a => new AgentBoardRow(a.UserId, a.DisplayName, a.Presence.ToString(), a.PresenceReason,
                (int)Math.Max(0, (now - a.PresenceSince).TotalSeconds), active.GetValueOrDefault(a.UserId), a.MaxConcurrent,
                connections.GetValueOrDefault(a.UserId)))
            .ToList();
        return (new WallboardView(now, rows, agents), scanned);
    }
}
