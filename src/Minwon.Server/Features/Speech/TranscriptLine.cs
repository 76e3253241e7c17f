namespace Minwon.Server.Features.Speech;

/// <summary>One transcript line as the desk and the API show it: masked text, who spoke, when in the call.</summary>
public sealed record TranscriptLine(int Seq, string Speaker, string? SpeakerName, string Text, long StartMs, long EndMs,
    string Abuse, bool HasMaskedData, DateTimeOffset CreatedAt);
