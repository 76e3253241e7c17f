using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Minwon.E2E.VisualArs;

/// <summary>
/// The visual ARS browser tests' own server process (Release build beside the tests, Development demo data,
/// a telephony key) and headless Debian Chromium. Missing Chromium skips the tests with the reason.
/// </summary>
public sealed class ArsE2EFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-telephony-key-0123456789";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly ConcurrentQueue<string> log = new();
    private Process? server;
    private string? dataDir;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string? MissingReason { get; private set; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public string LogTail => string.Join('\n', log.TakeLast(40));

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFacts.ChromiumPath))
        {
            MissingReason = $"Chromium not found at {BrowserFacts.ChromiumPath} (install Debian's chromium or set MINWON_CHROMIUM).";
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFacts.ChromiumPath, Headless = true, Args = ChromiumArgs });
        await StartServerAsync();
    }

    public void RequireBrowser()
    {
        if (MissingReason is not null)
        {
            Assert.Skip(MissingReason);
        }
    }

    /// <summary>A citizen's phone: 390×760, touch, Korean.</summary>
    public Task<IBrowserContext> PhoneAsync() => browser!.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 760 }, IsMobile = true, HasTouch = true,
        Locale = "ko-KR", TimezoneId = "Asia/Seoul",
    });

    public Task<IBrowserContext> DesktopAsync() => browser!.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "ko-KR", TimezoneId = "Asia/Seoul",
    });

    private async Task StartServerAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Minwon.Server.dll");
        dataDir = Directory.CreateTempSubdirectory("minwon-ars-e2e-").FullName;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // The source folder as content root, so pages served from wwwroot by physical path (/chat) are found.
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "Minwon.Server");
        foreach (var arg in new[] { dll, "--urls", BaseUrl.ToString().TrimEnd('/'), "--contentRoot", contentRoot, $"--Minwon:DataDir={dataDir}", $"--Minwon:Ars:TelephonyApiKey={ApiKey}", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {server.ExitCode}:\n{LogTail}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become ready:\n{LogTail}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Minwon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Minwon.slnx not found above the test folder.");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
            while (log.Count > 200 && log.TryDequeue(out _))
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        if (dataDir is not null)
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
