using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Appends messages and events to a conversation inside the caller's unit of work. Sequence numbers come from
/// <see cref="Conversation.LastSeq"/>, guarded by the conversation's concurrency token, so concurrent writers
/// retry instead of sharing a number (<see cref="ConcurrencyRetry"/>).
/// </summary>
public sealed class ConversationJournal(MinwonDbContext db, TimeProvider clock)
{
    public Message Append(Conversation conversation, MessageKind kind, MessageSender sender, string body,
        string? senderId = null, string? senderName = null, string? clientMessageId = null, SafeText? safe = null)
    {
        conversation.LastSeq++;
        conversation.Version = Guid.NewGuid();
        var message = new Message
        {
            ConversationId = conversation.Id,
            Seq = conversation.LastSeq,
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
        return message;
    }

    public Message AppendEvent(Conversation conversation, string text) =>
        Append(conversation, MessageKind.Event, MessageSender.System, text);

    public void Record(string type, Guid? conversationId, object payload) =>
        db.Add(new EventLogEntry
        {
            Type = type,
            ConversationId = conversationId,
            Payload = JsonSerializer.Serialize(payload),
            CreatedAt = clock.GetUtcNow(),
        });

    public Task<List<MessageDto>> ReadAfterAsync(Guid conversationId, int afterSeq, CancellationToken cancellationToken) =>
        db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > afterSeq)
            .OrderBy(m => m.Seq)
            .Take(1000)
            .Select(m => MessageDto.From(m))
            .ToListAsync(cancellationToken);
}
