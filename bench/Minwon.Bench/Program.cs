using BenchmarkDotNet.Running;
using Minwon.Bench.Knowledge;

namespace Minwon.Bench;

// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*'` runs every micro-benchmark, `-- --smoke` each case
// once (eng/test.sh); `routing-latency`, `knowledge-scale`, `knowledge-index-scale`, `tts-latency` and
// `transcript-delay` take `--smoke` too;
// see docs/benchmarks.md for the other bench commands and the recorded figures.
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["routing-latency", .. var routingArgs])
        {
            return Routing.RoutingLatencyRunner.Run(routingArgs);
        }

        if (args is ["quality-throughput", .. var qualityArgs])
        {
            Quality.QualityThroughputRunner.Run(qualityArgs);
            return 0;
        }

        if (args is ["knowledge-index-scale", .. var indexArgs])
        {
            return KnowledgeIndexScaleRunner.Run(indexArgs);
        }

        if (args is ["channels", .. var channelArgs])
        {
            return await Channels.ChannelsBenchRunner.RunAsync(channelArgs);
        }

        if (args is ["tts-latency", .. var ttsArgs])
        {
            return await Speech.TtsLatencyRunner.RunAsync(ttsArgs);
        }

        if (args is ["transcript-delay", .. var delayArgs])
        {
            return await Speech.TranscriptDelayRunner.RunAsync(delayArgs);
        }

        if (args is ["knowledge-scale", .. var rest])
        {
            return await KnowledgeScaleRunner.RunAsync(rest);
        }

        if (args.Contains(Smoke.Flag))
        {
            return MicroSmoke.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
