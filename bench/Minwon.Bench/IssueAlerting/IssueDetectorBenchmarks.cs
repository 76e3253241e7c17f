using BenchmarkDotNet.Attributes;
using Minwon.Core.IssueAlerting;

namespace Minwon.Bench.IssueAlerting;

/// <summary>
/// Detector throughput on one core: a day of Seoul-scale traffic (about 20,000 contacts with incidents) observed by a
/// detector that already learned the day before, so every contact goes through the significance tests, not the
/// warm-up. Reported per contact (OperationsPerInvoke).
/// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*IssueDetector*' --job short`
/// </summary>
[MemoryDiagnoser]
public class IssueDetectorBenchmarks
{
    private List<ContactEvent> learningDay = [];
    private List<ContactEvent> measuredDay = [];
    private IssueDetector detector = new();

    [GlobalSetup]
    public void Setup()
    {
        var options = new TrafficGeneratorOptions { Days = 4, PerDay = 20_000, Incidents = 3, Seed = 42 };
        var stream = new TrafficGenerator(options).Generate().ToList();
        var secondDay = options.Start.AddDays(2);
        learningDay = [.. stream.Where(e => e.Time < secondDay)];
        measuredDay = [.. stream.Where(e => e.Time >= secondDay && e.Time < secondDay.AddDays(1))];
    }

    [IterationSetup]
    public void Learn()
    {
        detector = new IssueDetector();
        foreach (var contact in learningDay)
        {
            detector.Observe(contact);
        }
    }

    [Benchmark(OperationsPerInvoke = 20_000)]
    public int ObserveOneContact()
    {
        var alerts = 0;
        for (var i = 0; i < 20_000; i++)
        {
            alerts += detector.Observe(measuredDay[i % measuredDay.Count]).Count;
        }

        return alerts;
    }
}
