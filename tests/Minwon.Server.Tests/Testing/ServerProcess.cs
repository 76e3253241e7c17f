using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Minwon.Server.Tests.Testing;

/// <summary>
/// The real server as an operating-system process (`dotnet Minwon.Server.dll --urls http://127.0.0.1:0`), so a test
/// can kill it the hard way (SIGKILL) and see what the data directory holds afterwards.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private ServerProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Output => string.Join('\n', output);

    public static async Task<ServerProcess> StartAsync(string dataDir, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Never the well-known AudioSocket port unless the test chose one.
        var voice = extraArgs.Any(a => a.Contains("AudioSocket:Listen", StringComparison.Ordinal)) ? [] : new[] { "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0" };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Minwon.Server.dll"), "--urls", "http://127.0.0.1:0",
            $"--Minwon:DataDir={dataDir}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "--Logging:LogLevel:Minwon.Server.Features.Routing.RoutingWorker=Information",
            "--Logging:LogLevel:Minwon.Server.Features.Voice.Transports.AudioSocketListener=Information",
        }.Concat(extraArgs).Concat(voice))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The server exited before listening:\n" + string.Join('\n', output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
            return new ServerProcess(process, output, address);
        }
        catch
        {
            Stop(process);
            throw;
        }

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut or the OOM killer.</summary>
    public void Kill() => Stop(process);

    public ValueTask DisposeAsync()
    {
        Stop(process);
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>
    /// The AudioSocket port the server chose (it listens on port 0 unless the test gave a port), from its log. A port
    /// probed free by the test and handed to the server could be taken in between by another test's app in this process,
    /// which also listens on port 0: a caller then talks to that app (CallCrashTests failed so in two full runs).
    /// </summary>
    public async Task<int> AudioSocketPortAsync(double seconds = 30)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (AudioSocketListening().Match(Output) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (waited.Elapsed.TotalSeconds > seconds || process.HasExited)
            {
                throw new TimeoutException("The server did not say its AudioSocket port:\n" + Output);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"AudioSocket listening on [^\s:]+:(\d+)")]
    private static partial Regex AudioSocketListening();
}
