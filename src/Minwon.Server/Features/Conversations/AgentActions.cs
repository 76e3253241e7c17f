using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Routing.Events;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// What a counsellor does to a conversation: accept or decline an offer, transfer, end the chat.
/// Each is one transaction guarded by the conversation's concurrency token, and each state change the citizen
/// should see becomes an event message, so a reconnecting citizen replays it in order.
/// </summary>
public sealed class AgentActions(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, LiveBus bus)
{
    public async Task AcceptAsync(Guid conversationId, string agentId, CancellationToken cancellationToken)
    {
        var events = await journal.WriteAsync(async ct =>
        {
            var conversation = await LoadAsync(conversationId, ct);
            if (conversation.Status != ConversationStatus.Offered || conversation.OfferedToId != agentId)
            {
                throw ProblemException.Conflict("이 상담은 더 이상 배정 제안 상태가 아닙니다.");
            }

            var agent = await db.Set<AgentProfile>().FirstAsync(a => a.UserId == agentId, ct);
            conversation.Accept(agentId, clock.GetUtcNow());
            journal.AppendEvent(conversation, Languages.CitizenText.Get(conversation.Language, "joined", ("name", agent.DisplayName)));
            journal.Record(new ConversationAssigned(agentId, conversation.QueueId), conversation);
            await db.SaveChangesAsync(ct);
            return (conversation.QueueId, await journal.ReadAfterAsync(conversation.Id, conversation.LastSeq - 1, ct));
        }, cancellationToken);
        await PublishAsync(conversationId, agentId, events.Item2, events.QueueId);
    }

    public async Task DeclineAsync(Guid conversationId, string agentId, CancellationToken cancellationToken)
    {
        var queueId = await journal.WriteAsync(async ct =>
        {
            var conversation = await LoadAsync(conversationId, ct);
            if (conversation.Status != ConversationStatus.Offered || conversation.OfferedToId != agentId)
            {
                throw ProblemException.Conflict("이 상담은 더 이상 배정 제안 상태가 아닙니다.");
            }

            conversation.Decline(agentId);
            journal.Record(new OfferDeclined(agentId), conversation);
            await db.SaveChangesAsync(ct);
            return conversation.QueueId;
        }, cancellationToken);
        await PublishAsync(conversationId, agentId, [], queueId);
    }

    /// <summary>Sends the conversation to another queue or a named counsellor; the citizen keeps the whole history.</summary>
    public async Task TransferAsync(Guid conversationId, string agentId, int? toQueueId, string? toAgentId, CancellationToken cancellationToken)
    {
        if (toQueueId is null && string.IsNullOrEmpty(toAgentId))
        {
            throw ProblemException.Invalid("이관할 대기열이나 상담사를 선택하세요.");
        }

        var result = await journal.WriteAsync(async ct =>
        {
            var conversation = await LoadAsync(conversationId, ct);
            if (conversation.Status != ConversationStatus.Assigned || conversation.AssignedToId != agentId)
            {
                throw ProblemException.Conflict("내가 상담 중인 대화만 이관할 수 있습니다.");
            }

            var queue = toQueueId is { } qid
                ? await db.Set<ServiceQueue>().FindAsync([qid], ct) ?? throw ProblemException.Invalid("대기열이 없습니다.")
                : await db.Set<ServiceQueue>().FindAsync([conversation.QueueId ?? 0], ct)
                  ?? await db.Set<ServiceQueue>().FirstAsync(q => q.IsDefault, ct);
            if (toAgentId is not null && !await db.Set<AgentProfile>().AnyAsync(a => a.UserId == toAgentId, ct))
            {
                throw ProblemException.Invalid("상담사가 없습니다.");
            }

            conversation.Transfer(agentId, queue.Id, queue.Priority, toAgentId, clock.GetUtcNow());
            journal.AppendEvent(conversation, Languages.CitizenText.Get(conversation.Language, "transferred"));
            journal.Record(new ConversationTransferred(agentId, queue.Id, toAgentId), conversation);
            await TouchIdleAsync(agentId, ct);
            await db.SaveChangesAsync(ct);
            return (queue.Id, await journal.ReadAfterAsync(conversation.Id, conversation.LastSeq - 1, ct));
        }, cancellationToken);
        await PublishAsync(conversationId, agentId, result.Item2, result.Item1);
    }

    /// <summary>The counsellor ends the chat; the conversation waits in wrap-up for its case.</summary>
    public async Task EndAsync(Guid conversationId, string agentId, string? closingNotice, CancellationToken cancellationToken)
    {
        var messages = await journal.WriteAsync(async ct =>
        {
            var conversation = await LoadAsync(conversationId, ct);
            if (conversation.Status != ConversationStatus.Assigned || conversation.AssignedToId != agentId)
            {
                throw ProblemException.Conflict("내가 상담 중인 대화만 종료할 수 있습니다.");
            }

            var from = conversation.LastSeq;
            conversation.EndChat(clock.GetUtcNow());
            journal.AppendEvent(conversation, closingNotice ?? Languages.CitizenText.Get(conversation.Language, "ended"));
            journal.Record(new ConversationEnded(MessageSender.Agent, agentId), conversation);
            await db.SaveChangesAsync(ct);
            return await journal.ReadAfterAsync(conversation.Id, from, ct);
        }, cancellationToken);
        await PublishAsync(conversationId, agentId, messages, null);
    }

    private async Task<Conversation> LoadAsync(Guid id, CancellationToken ct) =>
        await journal.LoadForWriteAsync(id, ct) ?? throw ProblemException.NotFound();

    internal async Task TouchIdleAsync(string agentId, CancellationToken ct)
    {
        var active = await db.Set<Conversation>().ActiveFor(agentId).CountAsync(ct);
        if (active <= 1 && await db.Set<AgentProfile>().FirstOrDefaultAsync(a => a.UserId == agentId, ct) is { } agent)
        {
            agent.IdleSince = clock.GetUtcNow();
        }
    }

    private async Task PublishAsync(Guid conversationId, string agentId, IEnumerable<MessageDto> messages, int? queueId)
    {
        foreach (var m in messages)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, m, agentId));
        }

        await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
        await bus.PublishAsync(new AgentChanged(agentId));
        await bus.PublishAsync(new QueueChanged(queueId));
    }
}
