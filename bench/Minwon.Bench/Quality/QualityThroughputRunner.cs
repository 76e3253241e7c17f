using System.Diagnostics;
using Minwon.Core.Quality;

namespace Minwon.Bench.Quality;

/// <summary>
/// Consultations scored per second on one thread, by wall clock and by the process's CPU time. On a shared machine
/// the wall clock counts time other processes held the core; CPU time is what one core of our own delivers.
/// `dotnet run -c Release --project bench/Minwon.Bench -- quality-throughput [seconds]`; `--smoke` runs one second and
/// checks that every consultation was scored (eng/test.sh), never how fast.
/// </summary>
public static class QualityThroughputRunner
{
    public static void Run(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var seconds = smoke ? 1 : args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
        var bench = new QualityBenchmarks();
        bench.Setup();
        var scorer = QualityScorer.Default;
        var records = bench.Records;
        // The warm-up pass also checks, for the smoke, that every consultation gets a total between 0 and 100.
        var scoredOnce = records.Count(r => scorer.Score(r).Total is >= 0 and <= 100);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var scored = 0;
        while (wall.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            foreach (var r in records)
            {
                scorer.Score(r);
                scored++;
            }
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{records.Count} labelled consultations, scored {scored:N0} times in {wall.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"wall clock: {scored / wall.Elapsed.TotalSeconds:N0} consultations/s ({wall.Elapsed.TotalMilliseconds * 1000 / scored:0} µs each)");
        Console.WriteLine($"CPU time:   {scored / cpu.TotalSeconds:N0} consultations per CPU-second ({cpu.TotalMilliseconds * 1000 / scored:0} µs each, GC included)");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        if (smoke)
        {
            if (records.Count == 0 || scoredOnce != records.Count)
            {
                throw new InvalidOperationException($"smoke failed: {scoredOnce} of {records.Count} consultations got a total between 0 and 100");
            }

            Console.WriteLine($"smoke passed: quality-throughput ({records.Count} consultations)");
        }
    }
}
