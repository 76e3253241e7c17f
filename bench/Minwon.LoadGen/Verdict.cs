namespace Minwon.LoadGen;

/// <summary>The target: 300 conversations at 1 msg/s, p99 delivery under 200 ms, nothing lost or shown twice.</summary>
public sealed record Verdict(bool P99Under200Ms, bool NoneLost, bool NoneDuplicated, bool InOrder, bool Pass);
