namespace Minwon.Server.Features.Conversations;

/// <summary>A message as clients see it. <see cref="Seq"/> orders and de-duplicates on the client.</summary>
public sealed record MessageDto(
    int Seq,
    string? ClientMessageId,
    string Kind,
    string Sender,
    string? SenderName,
    string Body,
    DateTimeOffset CreatedAt,
    string Abuse = "none",
    bool HasMaskedData = false)
{
    public static MessageDto From(Message m) =>
        new(m.Seq, m.ClientMessageId, m.Kind.ToString().ToLowerInvariant(), m.Sender.ToString().ToLowerInvariant(),
            m.SenderName, m.Body, m.CreatedAt, m.Abuse, m.ProtectedOriginal is not null);
}
