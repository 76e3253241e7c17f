using BenchmarkDotNet.Running;

namespace Minwon.Bench;

// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*'` runs every micro-benchmark;
// see docs/benchmarks.md for the other bench commands and the recorded figures.
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
