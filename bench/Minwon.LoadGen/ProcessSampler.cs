using System.Diagnostics;

namespace Minwon.LoadGen;

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
    private Dictionary<string, double> _waitStart = [];
    private long[] _machineStart = [];
    private long _startTicks;

    public void Start()
    {
        _cpuStart = CpuSeconds(pid);
        _waitStart = RunQueueWaits(pid);
        _machineStart = MachineTicks();
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
            (int)(ReadStatus(pid, "Threads:") ?? 0), Math.Round(RunQueueWaits(pid).Sum(t => t.Value - _waitStart.GetValueOrDefault(t.Key)), 2), LoadAverage(),
            MachinePercent(_machineStart, MachineTicks(), busy: true), MachinePercent(_machineStart, MachineTicks(), busy: false));
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

    /// <summary>Per live thread, the time spent runnable but not running; threads that exit before the end are not counted.</summary>
    public static Dictionary<string, double> RunQueueWaits(int pid)
    {
        var waits = new Dictionary<string, double>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var parts = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    waits[Path.GetFileName(task)] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / 1e9;
                }
                catch (IOException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return waits;
    }

    /// <summary>The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal.</summary>
    private static long[] MachineTicks()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static double MachinePercent(long[] start, long[] end, bool busy)
    {
        if (start.Length < 8 || end.Length < 8)
        {
            return 0;
        }

        var d = end.Zip(start, (e, s) => e - s).ToArray();
        var total = d.Sum();
        var value = busy ? total - d[3] - d[4] : d[7];
        return total > 0 ? Math.Round(100.0 * value / total, 1) : 0;
    }

    public static double[] LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
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
