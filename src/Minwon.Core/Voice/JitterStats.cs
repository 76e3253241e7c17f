namespace Minwon.Core.Voice;

/// <summary>
/// What a <see cref="JitterBuffer"/> did with the frames it was given; every frame received and not played is in one
/// drop count. Lost counts sequence numbers skipped because they never arrived in time.
/// </summary>
public sealed record JitterStats(long Received, long Played, long Late, long Duplicates, long Overflow, long Trimmed,
    long Concealed, long Underruns, long Lost)
{
    /// <summary>Frames dropped by policy (late, duplicate, overflow, trimmed for latency).</summary>
    public long Dropped => Late + Duplicates + Overflow + Trimmed;
}
