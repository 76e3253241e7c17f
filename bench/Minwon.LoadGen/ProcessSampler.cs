using System.Diagnostics;

namespace Minwon.LoadGen;

public sealed record ProcessFigures(double RssStartMb, double RssEndMb, double RssPeakMb, double RssMeanMb, double CpuSeconds,
    double CpuCoresMean, int Threads);

/// <summary>
/// Reads a process's resident memory and CPU time from /proc (Linux), so the server is measured from outside
/// without diagnostics tooling. RSS includes the runtime and the GC's reserved-but-touched heap.
/// </summary>
public sealed class ProcessSampler(int pid) : IAsyncDisposable
{
    private readonly List<double> _rss = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private double _cpuStart;
    private long _startTicks;

    public void Start()
    {
        _cpuStart = CpuSeconds(pid);
        _startTicks = Stopwatch.GetTimestamp();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            do
            {
                if (ReadStatus(pid, "VmRSS:") is { } kb)
                {
                    lock (_rss)
                    {
                        _rss.Add(kb / 1024.0);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public async Task<ProcessFigures> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        var cpu = CpuSeconds(pid) - _cpuStart;
        var elapsed = Stopwatch.GetElapsedTime(_startTicks).TotalSeconds;
        double[] rss;
        lock (_rss)
        {
            rss = [.. _rss];
        }

        if (ReadStatus(pid, "VmRSS:") is { } last)
        {
            rss = [.. rss, last / 1024.0];
        }

        return new ProcessFigures(
            Math.Round(rss.FirstOrDefault(), 1), Math.Round(rss.LastOrDefault(), 1), Math.Round(rss.DefaultIfEmpty().Max(), 1),
            Math.Round(rss.DefaultIfEmpty().Average(), 1), Math.Round(cpu, 2), Math.Round(elapsed > 0 ? cpu / elapsed : 0, 2),
            (int)(ReadStatus(pid, "Threads:") ?? 0));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    public static long? ReadStatus(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>utime + stime from /proc/PID/stat, in seconds (USER_HZ is 100 on Linux).</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields after the command name start at field 3 (state); utime is field 14, stime field 15.
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
