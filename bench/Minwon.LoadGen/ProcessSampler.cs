using System.Diagnostics;

namespace Minwon.LoadGen;

/// <summary>
/// Reads a process's resident memory and CPU time from /proc (Linux), so the server is measured from outside
/// without diagnostics tooling. RSS includes the runtime and the GC's reserved-but-touched heap.
/// </summary>
public sealed class ProcessSampler(int pid, bool withChildren = false) : IAsyncDisposable
{
    private readonly List<double> rssSamples = [];
    private readonly CancellationTokenSource stop = new();
    private Task? loop;
    private double cpuStart;
    private Dictionary<string, double> waitStart = [];
    private long[] machineStart = [];
    private long startTicks;

    public void Start()
    {
        cpuStart = Cpu();
        waitStart = RunQueueWaits(pid);
        machineStart = MachineTicks();
        startTicks = Stopwatch.GetTimestamp();
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            do
            {
                if (ReadStatus(pid, "VmRSS:") is { } kb)
                {
                    lock (rssSamples)
                    {
                        rssSamples.Add(kb / 1024.0);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
        });
    }

    public async Task<ProcessFigures> StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await (loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        var cpu = Cpu() - cpuStart;
        var elapsed = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
        double[] rss;
        lock (rssSamples)
        {
            rss = [.. rssSamples];
        }

        if (ReadStatus(pid, "VmRSS:") is { } last)
        {
            rss = [.. rss, last / 1024.0];
        }

        return new ProcessFigures(
            Math.Round(rss.FirstOrDefault(), 1), Math.Round(rss.LastOrDefault(), 1), Math.Round(rss.DefaultIfEmpty().Max(), 1),
            Math.Round(rss.DefaultIfEmpty().Average(), 1), Math.Round(cpu, 2), Math.Round(elapsed > 0 ? cpu / elapsed : 0, 2),
            (int)(ReadStatus(pid, "Threads:") ?? 0), Math.Round(RunQueueWaits(pid).Sum(t => t.Value - waitStart.GetValueOrDefault(t.Key)), 2), LoadAverage(),
            MachinePercent(machineStart, MachineTicks(), busy: true), MachinePercent(machineStart, MachineTicks(), busy: false));
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        stop.Dispose();
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

    private double Cpu() => withChildren ? TreeCpuSeconds(pid) : CpuSeconds(pid);

    /// <summary>
    /// A process and its children (PostgreSQL's postmaster and its backends): utime + stime of each, plus cutime + cstime of
    /// the parent for children it has already reaped. Each process's stat file is read once.
    /// </summary>
    public static double TreeCpuSeconds(int pid)
    {
        var total = CpuSeconds(pid, reaped: true);
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var child) && child != pid && Stat(child) is { } fields && Field(fields, 1) == pid)
                {
                    total += Ticks(fields, reaped: false) / 100.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return total;
    }

    /// <summary>utime + stime from /proc/PID/stat, in seconds (USER_HZ is 100 on Linux); 0 when the process is gone.</summary>
    public static double CpuSeconds(int pid, bool reaped = false) => Stat(pid) is { } fields ? Ticks(fields, reaped) / 100.0 : 0;

    /// <summary>Whether a process with this id runs now (a --watch PID is checked with it).</summary>
    public static bool Exists(int pid) => Stat(pid) is not null;

    /// <summary>The fields of /proc/PID/stat after the command name (field 3, state, is index 0); null when it cannot be read.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Field(string[] fields, int index) => long.Parse(fields[index], System.Globalization.CultureInfo.InvariantCulture);

    // utime is field 14, stime field 15, cutime and cstime (reaped children) 16 and 17.
    private static long Ticks(string[] fields, bool reaped) =>
        Field(fields, 11) + Field(fields, 12) + (reaped ? Field(fields, 13) + Field(fields, 14) : 0);
}
