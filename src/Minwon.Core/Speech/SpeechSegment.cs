namespace Minwon.Core.Speech;

/// <summary>A stretch of speech in a stream, in milliseconds from the stream's start (end exclusive).</summary>
public readonly record struct SpeechSegment(long StartMs, long EndMs)
{
    public long DurationMs => EndMs - StartMs;
}
