using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Appends messages to a conversation inside the caller's unit of work, each with its <see cref="MessageSent"/> event.
/// Sequence numbers come from <see cref="Conversation.NextSeq"/>, guarded by the conversation's concurrency token, so
/// concurrent writers retry instead of sharing a number (<see cref="ConcurrencyRetry"/>).
/// </summary>
public sealed class ConversationJournal(MinwonDbContext db, EventLog events, TimeProvider clock)
{
    public Message Append(Conversation conversation, MessageKind kind, MessageSender sender, string body,
        string? senderId = null, string? senderName = null, string? clientMessageId = null, SafeText? safe = null)
    {
        var message = new Message
        {
            ConversationId = conversation.Id,
            Seq = conversation.NextSeq(),
            Kind = kind,
            Sender = sender,
            SenderId = senderId,
            SenderName = senderName,
            ClientMessageId = clientMessageId,
            Body = safe?.Masked ?? body,
            ProtectedOriginal = safe?.ProtectedOriginal,
            Abuse = safe?.Abuse ?? "none",
            AbuseScore = safe?.AbuseScore ?? 0,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(message);
        events.Append(new MessageSent(message.Seq, kind, sender,
            AbuseLabels.TryParse(message.Abuse, out var label) ? label : AbuseLabel.None), conversation.Id);
        return message;
    }

    public Message AppendEvent(Conversation conversation, string text) =>
        Append(conversation, MessageKind.Event, MessageSender.System, text);

    /// <summary>
    /// An event without a record type yet, for Features/Voice's call events until they get records of their own
    /// (docs/events.md, "Not typed yet"). Consumers read such rows with no typed event and pass over them.
    /// </summary>
    public void RecordUntyped(string type, Guid? conversationId, object payload) =>
        db.Add(new EventLogEntry
        {
            Type = type, ConversationId = conversationId, CreatedAt = clock.GetUtcNow(),
            Payload = System.Text.Json.JsonSerializer.Serialize(payload, EventCatalog.Json),
        });

    /// <summary>Writes a conversation's event in the same unit of work.</summary>
    public void Record(IEvent e, Conversation conversation) => events.Append(e, conversation.Id);

    public Task<List<MessageDto>> ReadAfterAsync(Guid conversationId, int afterSeq, CancellationToken cancellationToken) =>
        db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > afterSeq)
            .OrderBy(m => m.Seq)
            .Take(1000)
            .Select(m => m.ToDto())
            .ToListAsync(cancellationToken);
}
