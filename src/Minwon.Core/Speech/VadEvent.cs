namespace Minwon.Core.Speech;

public enum VadEventKind
{
    /// <summary>Speech was confirmed; <see cref="VadEvent.Segment"/> has its (back-dated) start and no end yet.</summary>
    Started,

    /// <summary>The speech ended (or was cut at the longest segment); the segment is final.</summary>
    Ended,
}

/// <summary>What the detector decided while it was fed: speech started (barge-in, start buffering) or a segment ended.</summary>
public readonly record struct VadEvent(VadEventKind Kind, SpeechSegment Segment);
