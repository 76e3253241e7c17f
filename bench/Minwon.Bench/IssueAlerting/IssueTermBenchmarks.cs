using BenchmarkDotNet.Attributes;
using Minwon.Core.IssueAlerting;

namespace Minwon.Bench.IssueAlerting;

/// <summary>Term extraction and traffic generation costs, per contact.</summary>
[MemoryDiagnoser]
public class IssueTermBenchmarks
{
    private readonly string[] texts =
        [.. new TrafficGenerator(new TrafficGeneratorOptions { Days = 1, PerDay = 1000, Incidents = 0 }).Generate().Select(e => e.Text).Take(1000)];

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ExtractTerms()
    {
        var total = 0;
        foreach (var text in texts)
        {
            total += IssueTermExtractor.Extract(text).Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int GenerateContacts() =>
        new TrafficGenerator(new TrafficGeneratorOptions { Days = 1, PerDay = 12_000, Incidents = 1 }).Generate().Take(10_000).Count();
}
