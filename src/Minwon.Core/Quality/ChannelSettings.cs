namespace Minwon.Core.Quality;

/// <summary>Reachability thresholds for one channel, in seconds.</summary>
public sealed record ChannelSettings
{
    /// <summary>Answered within this: full marks for queue time.</summary>
    public double QueueTargetSeconds { get; init; } = 60;

    /// <summary>Waited longer than this: the long-wait item fails too.</summary>
    public double QueueLimitSeconds { get; init; } = 180;

    /// <summary>
    /// A counsellor silence longer than this in the transcript (after the time it takes to say or type the turns
    /// around it) counts as a hold; it should have been announced.
    /// </summary>
    public double SilenceSeconds { get; init; } = 60;

    /// <summary>A hold longer than this fails the hold-length item even when announced.</summary>
    public double HoldLimitSeconds { get; init; } = 180;
}
