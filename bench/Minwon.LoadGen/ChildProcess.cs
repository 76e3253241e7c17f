using System.Diagnostics;

namespace Minwon.LoadGen;

/// <summary>
/// A server the generator starts (Minwon or the echo baseline) on 127.0.0.1 and a free port; its output goes to a
/// log file, and it is killed by its own process id when the run ends, however it ends.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ChildProcess(Process process, StreamWriter log, Uri baseUri)
    {
        this.process = process;
        this.log = log;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Pid => process.Id;

    public static async Task<ChildProcess> StartAsync(string name, IEnumerable<string> arguments, int port, string logPath,
        IDictionary<string, string> environment, string readyPath, TimeSpan timeout, string? workingDirectory, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(process, log, Loopback.Require(new Uri($"http://127.0.0.1:{port}")));
        await child.WaitReadyAsync(name, readyPath, timeout, ct);
        return child;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line after the run closed the log; nothing to keep.
            }
        }
    }

    private async Task WaitReadyAsync(string name, string readyPath, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} during start; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, readyPath), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:F0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
