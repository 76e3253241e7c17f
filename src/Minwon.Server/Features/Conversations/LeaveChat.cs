using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>The citizen closes the chat: abandoned while waiting, wrap-up when a counsellor was already on it.</summary>
public sealed class LeaveChat(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, LiveBus bus)
{
    public async Task HandleAsync(string token, CancellationToken cancellationToken)
    {
        var (conversationId, agentId, queueId, message) = await journal.WriteAsync(async ct =>
        {
            var conversation = await journal.LoadForWriteAsync(c => c.Token == token, ct)
                ?? throw ProblemException.NotFound();
            MessageDto? added = null;
            switch (conversation.Status)
            {
                case ConversationStatus.New when await db.Set<Chatbot.BotSession>()
                    .AnyAsync(b => b.ConversationId == conversation.Id && b.Answers > 0, ct):
                    // The bot answered and the citizen is done: resolved without a counsellor.
                    conversation.ResolveByBot(clock.GetUtcNow());
                    added = journal.AppendEvent(conversation, "상담이 종료되었습니다. 이용해 주셔서 감사합니다.").ToDto();
                    journal.Record(new ConversationBotResolved(conversation.QueueId), conversation);
                    break;
                case ConversationStatus.New or ConversationStatus.Queued or ConversationStatus.Offered:
                    conversation.CitizenLeft(clock.GetUtcNow());
                    added = journal.AppendEvent(conversation, "시민이 상담을 종료했습니다.").ToDto();
                    journal.Record(new ConversationAbandoned(conversation.QueueId), conversation);
                    break;
                case ConversationStatus.Assigned:
                    conversation.CitizenLeft(clock.GetUtcNow());
                    added = journal.AppendEvent(conversation, "시민이 상담을 종료했습니다.").ToDto();
                    journal.Record(new ConversationEnded(MessageSender.Citizen, null), conversation);
                    break;
                default:
                    return (conversation.Id, conversation.AssignedToId, conversation.QueueId, (MessageDto?)null);
            }

            await db.SaveChangesAsync(ct);
            return (conversation.Id, conversation.AssignedToId, conversation.QueueId, added);
        }, cancellationToken);

        if (message is not null)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, message, agentId));
            await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
            await bus.PublishAsync(new QueueChanged(queueId));
        }
    }
}
