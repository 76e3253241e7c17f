using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
using Minwon.Core.Routing;

namespace Minwon.Bench.Routing;

/// <summary>
/// Latency view: each iteration is exactly one Next() on a full board (the board is refilled in the iteration
/// cleanup, outside the measurement), so Mean, P95 and P99 are per decision. Outliers are kept (they are the
/// tail being measured) and no collection is forced between iterations, so scheduler preemption and the rare
/// gen-0 pause show up as they would in the server; Next() allocates only its result and one agent record.
/// </summary>
[Config(typeof(Config))]
public class RoutingLatencyBenchmarks
{
    private DecisionCycle cycle = null!;
    private RoutingAssignment? last;

    [Params(500, 1_000, 5_000)]
    public int Agents { get; set; }

    [Params(10_000)]
    public int Waiting { get; set; }

    [Params(false, true)]
    public bool OneOffSkillSets { get; set; }

    [GlobalSetup]
    public void Setup() => cycle = new DecisionCycle(RoutingWorkload.Create(Agents, Waiting, OneOffSkillSets));

    [Benchmark]
    public RoutingAssignment Next() => last = cycle.Decide();

    [IterationCleanup]
    public void Refill()
    {
        if (last is not null)
        {
            cycle.Restore(last);
            last = null;
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(100)
                .WithIterationCount(2_000)
                .WithGcForce(false)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithId("SingleDecision"));
            AddColumn(P99Column.Instance, BenchmarkDotNet.Columns.StatisticColumn.P95);
        }
    }
}
