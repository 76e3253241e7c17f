using System.Diagnostics;
using System.Globalization;

namespace Minwon.Bench.Routing;

/// <summary>
/// Times many single Next() decisions with a Stopwatch and prints their distribution, the complement to
/// <see cref="RoutingLatencyBenchmarks"/>: tens of thousands of samples per board size instead of two thousand,
/// board sizes interleaved in rounds so that a noisy neighbour hurts every size alike, and the refill timed
/// separately. Arguments: [--one-off] [--decisions N] [--agents 500,1000,5000] [--smoke]; `--smoke` (eng/test.sh)
/// defaults to 1,000 decisions at 500 and 1,000 counsellors.
/// </summary>
public static class RoutingLatencyRunner
{
    public static int Run(string[] args)
    {
        var oneOff = args.Contains("--one-off");
        var smoke = args.Contains(Smoke.Flag);
        var decisions = int.Parse(Option(args, "--decisions") ?? (smoke ? "1000" : "20000"), CultureInfo.InvariantCulture);
        var sizes = (Option(args, "--agents") ?? (smoke ? "500,1000" : "500,1000,5000"))
            .Split(',')
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        const int waiting = 10_000;
        const int perRound = 500;

        var cycles = sizes.ToDictionary(s => s, s => new DecisionCycle(RoutingWorkload.Create(s, waiting, oneOff)));
        var next = sizes.ToDictionary(s => s, _ => new List<double>(decisions));
        var refill = sizes.ToDictionary(s => s, _ => new List<double>(decisions));
        const int warmupRounds = 4;
        for (var round = 0; round < warmupRounds + (decisions / perRound); round++)
        {
            foreach (var size in sizes)
            {
                var cycle = cycles[size];
                for (var i = 0; i < perRound; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var assignment = cycle.Decide();
                    var decided = Stopwatch.GetTimestamp();
                    cycle.Restore(assignment);
                    var restored = Stopwatch.GetTimestamp();
                    if (round >= warmupRounds)
                    {
                        next[size].Add(Microseconds(start, decided));
                        refill[size].Add(Microseconds(decided, restored));
                    }
                }
            }
        }

        Console.WriteLine($"Routing decisions, {waiting:N0} waiting, {(oneOff ? "one-off" : "realistic")} skill sets, times in μs");
        Console.WriteLine("| Agents | Step | Samples | Mean | P50 | P95 | P99 | P99.9 | Max |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            Print(size, "Next()", next[size]);
            Print(size, "refill", refill[size]);
        }
        // Print sorted every sample list, which Quantile relies on.
        if (sizes.Length > 1)
        {
            var (small, large) = (next[sizes.Min()], next[sizes.Max()]);
            Console.WriteLine(
                $"Next() cost ratio {sizes.Max()} / {sizes.Min()} agents: " +
                $"P50 {Quantile(large, 0.5) / Quantile(small, 0.5):F2}, P99 {Quantile(large, 0.99) / Quantile(small, 0.99):F2}");
        }

        var expected = decisions / perRound * perRound;
        return Smoke.Verdict(smoke, "routing-latency",
            (expected > 0, $"--decisions must be at least {perRound}"),
            (sizes.All(s => next[s].Count == expected && refill[s].Count == expected), $"not every board made {expected} timed decisions"));
    }

    private static void Print(int size, string step, List<double> samples)
    {
        samples.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"| {size} | {step} | {samples.Count} | {samples.Average():F2} | {Quantile(samples, 0.5):F2} | {Quantile(samples, 0.95):F2} | {Quantile(samples, 0.99):F2} | {Quantile(samples, 0.999):F2} | {samples[^1]:F1} |"));
    }

    // Raw timestamps: TimeSpan would round to 0.1 μs, too coarse for a 1-2 μs decision.
    private static double Microseconds(long start, long end) => (end - start) * 1e6 / Stopwatch.Frequency;

    /// <summary>Nearest-rank quantile of sorted samples.</summary>
    private static double Quantile(List<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
