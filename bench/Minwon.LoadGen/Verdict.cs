namespace Minwon.LoadGen;

/// <summary>
/// The targets: p99 delivery under <see cref="TargetP99Ms"/> (issue 2: 200 ms for 300 conversations on one node; issue 10:
/// 300 ms for 2,000 over three), nothing lost or shown twice, in order, and on several nodes consumer lag p99 under 1 s.
/// </summary>
public sealed record Verdict(double TargetP99Ms, bool P99UnderTarget, bool NoneLost, bool NoneDuplicated, bool InOrder, bool? ConsumerLagUnder1S, bool Pass);
