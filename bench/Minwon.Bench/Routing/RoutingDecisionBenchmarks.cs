using BenchmarkDotNet.Attributes;

namespace Minwon.Bench.Routing;

/// <summary>
/// Throughput view: one decision on a full board, plus putting back what it consumed (one enqueue and one
/// counsellor upsert), so the mean is an upper bound on the cost of Next() alone. See
/// <see cref="RoutingLatencyBenchmarks"/> for Next() alone and its 99th percentile.
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private DecisionCycle cycle = null!;

    [Params(500, 1_000, 5_000)]
    public int Agents { get; set; }

    [Params(10_000)]
    public int Waiting { get; set; }

    [Params(false, true)]
    public bool OneOffSkillSets { get; set; }

    [GlobalSetup]
    public void Setup() => cycle = new DecisionCycle(RoutingWorkload.Create(Agents, Waiting, OneOffSkillSets));

    [Benchmark]
    public void DecideAndRestore() => cycle.Restore(cycle.Decide());
}
