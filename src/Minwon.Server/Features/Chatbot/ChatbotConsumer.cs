using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot;

/// <summary>
/// The bot's turns, off the citizen's request: every citizen text message is answered from the event log, in order,
/// once. The topic typed before a bot chat opened is context, not a question, so it is no turn. <see cref="ChatbotReply"/> skips a turn it already took
/// (BotSession.HandledSeq), so a redelivered event after a crash sends nothing twice.
/// </summary>
public sealed class ChatbotConsumer : EventConsumer
{
    public override string Name => "chatbot";

    public override int BatchSize => 100;

    /// <summary>A turn taken is recorded (BotSession.HandledSeq) with the bot's answer, so a batch redone after a crash answers nothing twice.</summary>
    public override bool SaveCursorPerBatch => true;

    public override IReadOnlyCollection<Type> WakesOn => [typeof(MessageSent)];

    public override bool Wants(EventEnvelope e) => e.ConversationId is not null
        && e.Event is MessageSent { Sender: MessageSender.Citizen, Kind: MessageKind.Text };

    /// <summary>Only conversations still with the bot (status New): one query per batch instead of one per citizen message.</summary>
    public override async Task<Func<EventEnvelope, bool>?> NarrowAsync(IReadOnlyList<EventEnvelope> wanted, Data.MinwonDbContext db,
        CancellationToken cancellationToken)
    {
        var ids = wanted.Select(e => e.ConversationId!.Value).Distinct().ToList();
        var withBot = (await db.Set<Conversations.Conversation>().AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == ConversationStatus.New).Select(c => c.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        return e => withBot.Contains(e.ConversationId!.Value);
    }

    public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ChatbotReply>().HandleTurnAsync(e.ConversationId!.Value,
            ((MessageSent)e.Event!).Seq, cancellationToken);
}
