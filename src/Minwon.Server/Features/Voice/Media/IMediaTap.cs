namespace Minwon.Server.Features.Voice.Media;

/// <summary>One leg's audio on one tick, as a tap receives it (frames are shared: read, never change them).</summary>
public readonly record struct TappedFrame(Guid LegId, LegRole Role, string? UserId, short[]? Frame);

/// <summary>
/// A listener on a call: the recorder, and later the transcriber. It receives every leg's audio separately on each
/// 20 ms tick, on the media clock's thread, so it must only copy or enqueue (bounded) and return at once.
/// </summary>
public interface IMediaTap
{
    void OnTick(long tick, ReadOnlySpan<TappedFrame> frames);

    /// <summary>The call is over; no more ticks come.</summary>
    void OnEnded();
}
