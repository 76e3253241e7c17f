using BenchmarkDotNet.Running;
using Minwon.Bench.Knowledge;

namespace Minwon.Bench;

// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*'` runs every micro-benchmark;
// see docs/benchmarks.md for the other bench commands and the recorded figures.
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["routing-latency", .. var routingArgs])
        {
            Routing.RoutingLatencyRunner.Run(routingArgs);
            return 0;
        }

        if (args is ["knowledge-index-scale", .. var indexArgs])
        {
            return KnowledgeIndexScaleRunner.Run(indexArgs);
        }

        if (args is ["knowledge-scale", .. var rest])
        {
            return await KnowledgeScaleRunner.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
