using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Minwon.E2E.Infrastructure;

/// <summary>
/// The real server as a separate process (the Release Minwon.Server.dll copied beside the test assembly by the
/// project reference), on a free loopback port with a fresh data directory and the Development demo data.
/// A process rather than WebApplicationFactory so the browser talks to Kestrel, WebSockets and all.
/// </summary>
public sealed class MinwonServer : IAsyncDisposable
{
    private readonly string dataDir;
    private readonly string[] extraArgs;
    private readonly ConcurrentQueue<string> log = new();
    private Process? process;

    private MinwonServer(string dataDir, Uri baseUrl, string[] extraArgs)
    {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string LogTail => string.Join('\n', log.TakeLast(60));

    // The human path is what most browser tests drive; the bot's own tests turn it back on.
    private static string[] WithDefaults(IEnumerable<string> args) =>
        args.Any(a => a.StartsWith("--Minwon:Chatbot:", StringComparison.Ordinal)) ? [.. args] : ["--Minwon:Chatbot:Enabled=false", .. args];

    public static async Task<MinwonServer> StartAsync(IEnumerable<string>? extraArgs = null, CancellationToken cancellationToken = default)
    {
        var server = new MinwonServer(Directory.CreateTempSubdirectory("minwon-e2e-").FullName,
            new Uri($"http://127.0.0.1:{FreePort()}"), WithDefaults(extraArgs ?? []));
        try
        {
            await server.LaunchAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills the process the hard way (a crashed node) and starts a new one on the same port and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await LaunchAsync(cancellationToken);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Minwon.Server.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Server not built: {dll} is missing (build tests/Minwon.E2E first).");
        }

        // The host that runs the tests, when the test platform names it; otherwise the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", BaseUrl.ToString().TrimEnd('/'), $"--Minwon:DataDir={dataDir}", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_NOLOGO"] = "1";
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(process, cancellationToken);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 400 && log.TryDequeue(out _))
        {
        }
    }

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        // Three minutes: a loaded two-core machine (several builds at once) has needed more than one to start a server.
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{LogTail}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The server did not become ready within {ReadyTimeout.TotalMinutes:0} minutes:\n{LogTail}");
    }

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A test run that is cut short must not leave servers behind.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private async Task StopAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
