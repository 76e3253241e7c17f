using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing.Events;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Features.Routing;

public sealed record RoutingPass(int Expired, int Overflowed, int Offered, int Conflicts);

/// <summary>
/// One routing pass (ACD): expire unanswered offers, move long waiters to their overflow queue, then offer the
/// highest-priority, longest-waiting contacts to the qualified counsellors idle longest. The decision is made by
/// <see cref="RoutingBoard"/> on a snapshot; each offer is then its own transaction that re-checks the contact and
/// the counsellor's capacity under both rows' concurrency tokens, so two nodes can never give one contact to two
/// counsellors or fill a counsellor past capacity. Nothing lives only in memory: a restart resumes from the rows.
/// </summary>
public sealed class RouteContacts(MinwonDbContext db, TimeProvider clock, IOptions<ChatOptions> options, ConversationJournal journal,
    IOptions<Voice.VoiceOptions> voice, Platform.Observability.MinwonMetrics metrics, FollowConnections presence)
{
    /// <summary>How many waiting contacts one pass considers; the rest wait for the next pass (they are behind these anyway).</summary>
    public const int SnapshotSize = 2000;

    public async Task<(RoutingPass Pass, List<(Guid ConversationId, string AgentId, int? QueueId)> Changes)> RunOnceAsync(CancellationToken ct)
    {
        var changes = new List<(Guid, string, int?)>();
        await presence.RunOnceAsync(ct);
        var expired = await ExpireOffersAsync(changes, ct);
        var overflowed = await OverflowAsync(ct);
        var (offered, conflicts) = await OfferAsync(changes, ct);
        return (new RoutingPass(expired, overflowed, offered, conflicts), changes);
    }

    private async Task<int> ExpireOffersAsync(List<(Guid, string, int?)> changes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Offered && c.OfferExpiresAt < now)
            .OrderBy(c => c.OfferExpiresAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == id, ct);
            if (conversation.Status != ConversationStatus.Offered || conversation.OfferedToId is not { } agentId)
            {
                continue;
            }

            conversation.ExpireOffer();
            journal.Record(new OfferExpired(agentId), conversation);
            if (await TrySaveAsync(ct))
            {
                changes.Add((id, agentId, conversation.QueueId));
                count++;
            }
        }

        return count;
    }

    private async Task<int> OverflowAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queues = await db.Set<ServiceQueue>().AsNoTracking()
            .Where(q => q.OverflowQueueId != null && q.OverflowAfterSeconds != null).ToListAsync(ct);
        var count = 0;
        foreach (var queue in queues)
        {
            var cutoff = now.AddSeconds(-queue.OverflowAfterSeconds!.Value);
            var target = await db.Set<ServiceQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == queue.OverflowQueueId, ct);
            if (target is null || target.Id == queue.Id)
            {
                continue;
            }

            var ids = await db.Set<Conversation>().AsNoTracking()
                .Where(c => c.Status == ConversationStatus.Queued && c.QueueId == queue.Id && c.EnqueuedAt < cutoff)
                .OrderBy(c => c.EnqueuedAt).Select(c => c.Id).Take(500).ToListAsync(ct);
            foreach (var id in ids)
            {
                db.ChangeTracker.Clear();
                var conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == id, ct);
                if (conversation.Status != ConversationStatus.Queued || conversation.QueueId != queue.Id)
                {
                    continue;
                }

                // The timer restarts in the broader queue; routing order still uses the first arrival time.
                conversation.Overflow(target.Id, Math.Max(conversation.Priority, target.Priority), now);
                journal.Record(new ConversationOverflowed(queue.Id, target.Id), conversation);
                if (await TrySaveAsync(ct))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private async Task<(int Offered, int Conflicts)> OfferAsync(List<(Guid, string, int?)> changes, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var agents = await db.Set<AgentProfile>().AsNoTracking().AnswerableNow(db, now).ToListAsync(ct);
        if (agents.Count == 0)
        {
            return (0, 0);
        }

        var waiting = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Queued)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.FirstEnqueuedAt)
            .Take(SnapshotSize)
            .Select(c => new { c.Id, c.QueueId, c.Priority, c.FirstEnqueuedAt, c.EnqueuedAt, c.ExcludedAgents, c.PreferredAgentId, c.Channel })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return (0, 0);
        }

        var skills = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Skills(), ct);
        var load = await ActiveLoadAsync(ct);
        var calls = await Voice.VoiceCapacity.OnCallAsync(db, ct);
        var chatsDuringCall = voice.Value.ChatsDuringCall;
        var board = new RoutingBoard();
        foreach (var agent in agents)
        {
            board.UpsertAgent(new RoutingAgent(agent.UserId, agent.SkillMap(),
                Voice.VoiceCapacity.ChatCapacity(agent.MaxConcurrent, calls.Contains(agent.UserId), chatsDuringCall),
                load.GetValueOrDefault(agent.UserId), Presence.Available, agent.IdleSince));
        }

        // A call goes only to a counsellor on no other call and holding no more chats than a call allows.
        var notForCalls = agents.Where(a => calls.Contains(a.UserId) || load.GetValueOrDefault(a.UserId) > chatsDuringCall)
            .Select(a => a.UserId).ToList();
        foreach (var c in waiting)
        {
            var excluded = c.ExcludedAgents.Split(',', StringSplitOptions.RemoveEmptyEntries);
            board.Enqueue(new RoutingContact(c.Id, c.QueueId is { } q && skills.TryGetValue(q, out var s) ? s : [], c.Priority,
                c.FirstEnqueuedAt ?? c.EnqueuedAt ?? now, Channels.IsCall(c.Channel) ? [.. excluded, .. notForCalls] : excluded, c.PreferredAgentId));
        }

        int offered = 0, conflicts = 0;
        foreach (var assignment in board.Drain(500))
        {
            if (await TryOfferAsync(assignment, now, ct) is { } queueId)
            {
                changes.Add((assignment.ContactId, assignment.AgentId, queueId));
                offered++;
            }
            else
            {
                conflicts++;
            }
        }

        return (offered, conflicts);
    }

    private async Task<int?> TryOfferAsync(RoutingAssignment assignment, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == assignment.ContactId, ct);
        var agent = await db.Set<AgentProfile>().FirstOrDefaultAsync(a => a.UserId == assignment.AgentId, ct);
        if (conversation is not { Status: ConversationStatus.Queued } || agent is not { Presence: Presence.Available }
            || !await db.Set<AgentConnection>().AnyAsync(c => c.UserId == agent.UserId, ct))
        {
            return null;
        }

        var active = await db.Set<Conversation>().ActiveFor(agent.UserId).CountAsync(ct);
        var onCall = await db.Set<Conversation>().ActiveFor(agent.UserId).AnyAsync(c => c.Channel == Channels.Phone || c.Channel == Channels.WebCall || c.Channel == Channels.Video, ct);
        if (active >= Voice.VoiceCapacity.ChatCapacity(agent.MaxConcurrent, onCall, voice.Value.ChatsDuringCall)
            || Channels.IsCall(conversation.Channel) && (onCall || active > voice.Value.ChatsDuringCall))
        {
            return null;
        }

        conversation.Offer(agent.UserId, now.AddSeconds(options.Value.OfferTimeoutSeconds));
        journal.Record(new ConversationOffered(agent.UserId, conversation.QueueId), conversation);
        db.Claim(agent);
        if (!await TrySaveAsync(ct))
        {
            return null;
        }

        metrics.Offered(conversation.QueueId, conversation.Channel, now - (conversation.EnqueuedAt ?? now));
        return conversation.QueueId ?? 0;
    }

    private async Task<Dictionary<string, int>> ActiveLoadAsync(CancellationToken ct)
    {
        var assigned = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Assigned && c.AssignedToId != null)
            .GroupBy(c => c.AssignedToId!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var offered = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Offered && c.OfferedToId != null)
            .GroupBy(c => c.OfferedToId!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var load = assigned.ToDictionary(x => x.Key, x => x.Count);
        foreach (var o in offered)
        {
            load[o.Key] = load.GetValueOrDefault(o.Key) + o.Count;
        }

        return load;
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or request changed the contact or the counsellor first; the next pass sees the new state.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
