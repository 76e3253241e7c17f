namespace Minwon.LoadGen;

/// <summary>The server's MessageDto as it arrives over SignalR's JSON protocol (kept separate so the generator tests the wire, not a shared type).</summary>
public sealed record WireMessage(int Seq, string? ClientMessageId, string Kind, string Sender, string? SenderName, string Body,
    DateTimeOffset CreatedAt);
