namespace Minwon.LoadGen;

/// <summary>Consumer lag in seconds: every consumer's samples together, and per consumer.</summary>
/// <param name="Processing">The processing lag (the position the lease holder's batches reached in memory, not the saved
/// cursor), from every node; null when no node reported it.</param>
public sealed record ConsumerLagFigures(int Samples, double P50Seconds, double P99Seconds, double MaxSeconds,
    IReadOnlyDictionary<string, double> P99ByConsumer, ConsumerLagFigures? Processing = null);
