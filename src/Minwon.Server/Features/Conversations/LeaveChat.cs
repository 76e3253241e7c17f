using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>The citizen closes the chat: abandoned while waiting, wrap-up when a counsellor was already on it.</summary>
public sealed class LeaveChat(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, LiveBus bus)
{
    public async Task HandleAsync(string token, CancellationToken cancellationToken)
    {
        var (conversationId, agentId, queueId, message) = await ConcurrencyRetry.RunAsync(db, async ct =>
        {
            var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Token == token, ct)
                ?? throw ProblemException.NotFound();
            MessageDto? added = null;
            switch (conversation.Status)
            {
                case ConversationStatus.New when await db.Set<Chatbot.BotSession>()
                    .AnyAsync(b => b.ConversationId == conversation.Id && b.Answers > 0, ct):
                    // The bot answered and the citizen is done: resolved without a counsellor.
                    conversation.Status = ConversationLifecycle.Transition(conversation.Status, ConversationTrigger.BotResolved);
                    conversation.EndedAt = conversation.ClosedAt = clock.GetUtcNow();
                    added = MessageDto.From(journal.AppendEvent(conversation, "상담이 종료되었습니다. 이용해 주셔서 감사합니다."));
                    journal.Record("ConversationBotResolved", conversation.Id, new { conversation.QueueId });
                    break;
                case ConversationStatus.New or ConversationStatus.Queued or ConversationStatus.Offered:
                    conversation.Status = ConversationStatus.Abandoned;
                    conversation.EndedAt = clock.GetUtcNow();
                    conversation.OfferedToId = null;
                    added = MessageDto.From(journal.AppendEvent(conversation, "시민이 상담을 종료했습니다."));
                    journal.Record("ConversationAbandoned", conversation.Id, new { conversation.QueueId });
                    break;
                case ConversationStatus.Assigned:
                    conversation.Status = ConversationStatus.WrapUp;
                    conversation.EndedAt = clock.GetUtcNow();
                    added = MessageDto.From(journal.AppendEvent(conversation, "시민이 상담을 종료했습니다."));
                    journal.Record("ConversationEnded", conversation.Id, new { By = "citizen" });
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
