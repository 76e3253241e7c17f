using BenchmarkDotNet.Attributes;
using Minwon.Core.Routing;

namespace Minwon.Bench.Routing;

/// <summary>
/// What a routing tick pays when it rebuilds the board from the database rows instead of keeping one:
/// loading every counsellor and waiting contact, then draining what can be assigned.
/// </summary>
[MemoryDiagnoser]
public class RoutingBoardBuildBenchmarks
{
    private RoutingWorkload workload = null!;

    [Params(500, 1_000, 5_000)]
    public int Agents { get; set; }

    [Params(10_000)]
    public int Waiting { get; set; }

    [GlobalSetup]
    public void Setup() => workload = RoutingWorkload.Create(Agents, Waiting);

    [Benchmark]
    public RoutingBoard Build() => workload.NewBoard();

    [Benchmark]
    public int BuildAndDrain() => workload.NewBoard().Drain(int.MaxValue).Count;
}
