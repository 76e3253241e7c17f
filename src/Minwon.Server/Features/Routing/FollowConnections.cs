using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// Presence follows the counsellor's connections (<see cref="AgentConnection"/> rows of every node). With no live
/// connection for <see cref="PresenceOptions.AwayAfterSeconds"/> a counsellor becomes 자리 비움 and loses any open offer at
/// once; after <see cref="PresenceOptions.OfflineAfterSeconds"/> 오프라인. A connection that comes back before that
/// restores the state chosen before. After <see cref="PresenceOptions.RequeueChatsAfterSeconds"/> the counsellor's text chats
/// go back to their queue, so no citizen waits on a counsellor who has gone. Runs at the start of every routing pass, on the node that routes; the router itself
/// never offers to a counsellor without a connection row, even inside the grace period.
/// </summary>
public sealed partial class FollowConnections(MinwonDbContext db, TimeProvider clock, IOptions<PresenceOptions> options, EventLog events,
    ConversationJournal journal, LiveBus bus, ILogger<FollowConnections> logger)
{
    /// <summary>How many counsellors changed (presence or connection state) in this pass.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var away = TimeSpan.FromSeconds(Math.Max(1, options.Value.AwayAfterSeconds));
        var offline = TimeSpan.FromSeconds(Math.Max(options.Value.AwayAfterSeconds, options.Value.OfflineAfterSeconds));
        var connected = (await db.Set<AgentConnection>().AsNoTracking().Select(c => c.UserId).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        // Offline counsellors are read too: presence leaves them alone, but a chat still assigned to one must move.
        var agents = await db.Set<AgentProfile>().AsNoTracking()
            .Select(a => new AgentSeen(a.UserId, a.Presence, a.ConnectionLostAt)).ToListAsync(ct);
        var due = agents.Where(a => a.Presence != Presence.Offline).Where(a => connected.Contains(a.UserId)
            ? a.ConnectionLostAt is not null || a.Presence == Presence.Away
            : a.ConnectionLostAt is not { } lost || now - lost >= offline || now - lost >= away && a.Presence != Presence.Away);
        var changed = 0;
        foreach (var candidate in due.Select(a => a.UserId).ToList())
        {
            db.ChangeTracker.Clear();
            var agent = await db.Set<AgentProfile>().FirstAsync(a => a.UserId == candidate, ct);
            var withdrawn = new List<Conversation>();
            if (connected.Contains(agent.UserId))
            {
                agent.ConnectionLostAt = null;
                if (agent.Presence == Presence.Away)
                {
                    Move(agent, agent.AwayFrom ?? Presence.Available, now);
                }
            }
            else if (agent.ConnectionLostAt is not { } lost)
            {
                agent.ConnectionLostAt = now;
            }
            else if (now - lost >= offline)
            {
                Move(agent, Presence.Offline, now);
                withdrawn = await WithdrawOffersAsync(agent.UserId, ct);
            }
            else if (agent.Presence != Presence.Away)
            {
                // A break keeps its reason (it comes back with the connection); any other state reads "연결 없음".
                agent.PresenceReason = agent.Presence == Presence.Break ? agent.PresenceReason : "연결 없음";
                agent.AwayFrom = agent.Presence;
                Move(agent, Presence.Away, now);
                withdrawn = await WithdrawOffersAsync(agent.UserId, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The counsellor (or another pass) changed the row first; the next pass decides again.
                continue;
            }

            changed++;
            LogFollowed(agent.Presence, withdrawn.Count);
            foreach (var conversation in withdrawn)
            {
                await bus.PublishAsync(new ConversationChanged(conversation.Id, agent.UserId));
            }

            await bus.PublishAsync(new AgentChanged(agent.UserId));
            if (withdrawn.Count > 0)
            {
                await bus.PublishAsync(new QueueChanged(null));
            }
        }

        return changed + await RequeueChatsAsync(agents, connected, now, ct);
    }

    /// <summary>Text chats of counsellors without a connection for too long go back to their queue, each with a notice to the citizen.</summary>
    private async Task<int> RequeueChatsAsync(List<AgentSeen> agents, HashSet<string> connected, DateTimeOffset now, CancellationToken ct)
    {
        if (options.Value.RequeueChatsAfterSeconds <= 0)
        {
            return 0;
        }

        var after = TimeSpan.FromSeconds(options.Value.RequeueChatsAfterSeconds);
        // Judged on the pass's first reading: a connection lost in this very pass is far younger than the wait.
        var gone = agents.Where(a => !connected.Contains(a.UserId) && a.ConnectionLostAt is { } lost && now - lost >= after)
            .Select(a => a.UserId).ToList();
        if (gone.Count == 0)
        {
            return 0;
        }

        db.ChangeTracker.Clear();
        var chats = (await db.Set<Conversation>().AsNoTracking()
                .Where(c => c.Status == ConversationStatus.Assigned && c.AssignedToId != null && gone.Contains(c.AssignedToId))
                .Select(c => new { c.Id, c.Channel, AgentId = c.AssignedToId! }).ToListAsync(ct))
            .Where(c => !Channels.IsVoice(c.Channel));
        var requeued = 0;
        foreach (var chat in chats)
        {
            if (await RequeueAsync(chat.Id, chat.AgentId, now, ct) is { } moved)
            {
                requeued++;
                LogRequeued(moved.Queue);
                await bus.PublishAsync(new MessageAdded(chat.Id, moved.Notice, chat.AgentId));
                await bus.PublishAsync(new ConversationChanged(chat.Id, chat.AgentId));
                await bus.PublishAsync(new AgentChanged(chat.AgentId));
                await bus.PublishAsync(new QueueChanged(moved.Queue));
            }
        }

        return requeued;
    }

    private Task<(int Queue, MessageDto Notice)?> RequeueAsync(Guid conversationId, string agentId, DateTimeOffset now, CancellationToken ct) =>
        // Under the conversation's write lock: when the counsellor came back and wrote first, or another pass moved it,
        // the status read here says so and nothing is moved.
        journal.WriteAsync<(int Queue, MessageDto Notice)?>(async token =>
        {
            var conversation = await journal.LoadForWriteAsync(conversationId, token);
            if (conversation is not { Status: ConversationStatus.Assigned } || conversation.AssignedToId != agentId)
            {
                return null;
            }

            var queue = await db.Set<ServiceQueue>().FirstOrDefaultAsync(q => q.Id == conversation.QueueId, token)
                ?? await db.Set<ServiceQueue>().FirstAsync(q => q.IsDefault, token);
            conversation.Transfer(agentId, queue.Id, queue.Priority, null, now);
            var notice = journal.AppendEvent(conversation, Languages.CitizenText.Get(conversation.Language, "requeued"));
            journal.Record(new ChatRequeued(agentId, queue.Id), conversation);
            await db.SaveChangesAsync(token);
            return (queue.Id, notice.ToDto());
        }, ct);

    private void Move(AgentProfile agent, Presence to, DateTimeOffset now)
    {
        if (agent.Presence == to)
        {
            return;
        }

        events.Append(new AgentPresenceChanged(agent.UserId, to));
        agent.Presence = to;
        agent.PresenceSince = now;
        agent.PresenceReason = to is Presence.Break or Presence.Away ? agent.PresenceReason : null;
        if (to != Presence.Away)
        {
            agent.AwayFrom = null;
        }

        if (to == Presence.Available)
        {
            agent.IdleSince = now;
        }
    }

    private async Task<List<Conversation>> WithdrawOffersAsync(string agentId, CancellationToken ct)
    {
        var offers = await db.Set<Conversation>()
            .Where(c => c.Status == ConversationStatus.Offered && c.OfferedToId == agentId).ToListAsync(ct);
        foreach (var conversation in offers)
        {
            conversation.ExpireOffer();
            journal.Record(new OfferExpired(agentId), conversation);
        }

        return offers;
    }

    private sealed record AgentSeen(string UserId, Presence Presence, DateTimeOffset? ConnectionLostAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence follows connections: now {Presence}, {Withdrawn} offers withdrawn")]
    private partial void LogFollowed(Presence presence, int withdrawn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat went back to queue {Queue}: its counsellor has had no connection for too long")]
    private partial void LogRequeued(int queue);
}
