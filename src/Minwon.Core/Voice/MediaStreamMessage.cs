namespace Minwon.Core.Voice;

/// <summary>The events of the Twilio Media Streams WebSocket protocol that Minwon reads.</summary>
public enum MediaStreamEvent { Connected, Start, Media, Dtmf, Mark, Stop }

/// <summary>
/// One inbound Media Streams message, parsed. Only the fields of its event are set. <see cref="Payload"/> holds the
/// decoded μ-law bytes of a media message.
/// </summary>
public sealed record MediaStreamMessage(MediaStreamEvent Event, string? StreamSid, long? SequenceNumber)
{
    public string? CallSid { get; init; }
    public IReadOnlyDictionary<string, string> CustomParameters { get; init; } = new Dictionary<string, string>();
    public string? Encoding { get; init; }
    public int? SampleRate { get; init; }
    public string? Track { get; init; }
    public long? Chunk { get; init; }
    public long? Timestamp { get; init; }
    public byte[]? Payload { get; init; }
    public char? Digit { get; init; }
    public string? MarkName { get; init; }
}

/// <summary>A Media Streams message that cannot be understood; the message says why, never the payload.</summary>
public sealed class MediaStreamFormatException(string message) : FormatException(message);
