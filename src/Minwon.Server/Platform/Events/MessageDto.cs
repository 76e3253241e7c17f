namespace Minwon.Server.Platform.Events;

/// <summary>
/// A message as clients see it, pushed by <see cref="LiveBus"/> and returned by the chat APIs. <see cref="Seq"/> orders
/// and de-duplicates on the client. A small view model of the platform, so the bus depends on no feature.
/// </summary>
public sealed record MessageDto(
    int Seq,
    string? ClientMessageId,
    string Kind,
    string Sender,
    string? SenderName,
    string Body,
    DateTimeOffset CreatedAt,
    string Abuse = "none",
    bool HasMaskedData = false);
