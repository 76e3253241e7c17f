namespace Minwon.LoadGen;

/// <summary>Consumer lag in seconds: every consumer's samples together, and per consumer.</summary>
public sealed record ConsumerLagFigures(int Samples, double P50Seconds, double P99Seconds, double MaxSeconds,
    IReadOnlyDictionary<string, double> P99ByConsumer);
