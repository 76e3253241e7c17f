namespace Minwon.Server.Platform.Events;

/// <summary>
/// A message as clients see it, pushed by <see cref="LiveBus"/> and returned by the chat APIs. <see cref="Seq"/> orders
/// and de-duplicates on the client. <see cref="Language"/> is the identified language of the body when sure (issue 16),
/// so the citizen page can set <c>lang</c> per message in a mixed-language conversation. A small view model of the platform, so the bus depends on no feature.
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
    bool HasMaskedData = false,
    string? Language = null);
