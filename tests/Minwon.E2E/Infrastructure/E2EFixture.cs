using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Minwon.E2E.Infrastructure.E2EFixture))]

// One server and one counsellor pool are shared; tests that run at once would take each other's offers.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Minwon.E2E.Infrastructure;

/// <summary>
/// One server process and one headless Chromium for the whole run. Debian's Chromium is used as is (never a
/// downloaded browser); when it is missing every browser test is skipped with the reason.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? playwright;
    private MinwonServer? server;
    private IBrowser? browser;

    public string? MissingReason { get; private set; }

    public MinwonServer Server => server ?? throw new InvalidOperationException(MissingReason ?? "Server not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException(MissingReason ?? "Browser not started.");

    /// <summary>
    /// Another Chromium process whose fake microphone plays <paramref name="wav"/> (in a loop) and whose permission
    /// prompts are answered "allow": Chromium takes the capture file per process, so each talking party needs its own.
    /// </summary>
    public Task<IBrowser> LaunchWithMicrophoneAsync(string wav) => (playwright ?? throw new InvalidOperationException(MissingReason))
        .Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFacts.ChromiumPath,
            Headless = true,
            Args = [.. ChromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={wav}",
                "--autoplay-policy=user-gesture-required"],
        });

    /// <summary>
    /// Another Chromium process with Chromium's fake camera (a moving test pattern) and fake microphone, permission
    /// prompts answered "allow": the sign-language video tests run one per party.
    /// </summary>
    public Task<IBrowser> LaunchWithCameraAsync() => (playwright ?? throw new InvalidOperationException(MissingReason))
        .Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFacts.ChromiumPath,
            Headless = true,
            Args = [.. ChromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
        });

    /// <summary>The stand-in city web site, allowed to embed the citizen chat (Minwon:Chat:AllowedOrigins).</summary>
    public static Uri CitySite { get; } = new($"http://localhost:{MinwonServer.FreePort()}/");

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFacts.ChromiumPath))
        {
            MissingReason = $"Chromium not found at {BrowserFacts.ChromiumPath} (install Debian's chromium or set MINWON_CHROMIUM).";
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await LaunchAsync(playwright);
        server = await MinwonServer.StartAsync([$"--Minwon:Chat:AllowedOrigins:0={CitySite.GetLeftPart(UriPartial.Authority)}"]);
        Directory.CreateDirectory(ScreenshotDir);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = BrowserFacts.ChromiumPath,
        Headless = true,
        Args = ChromiumArgs,
    });

    /// <summary>Skips the calling test when the browser is missing.</summary>
    public void RequireBrowser()
    {
        if (MissingReason is not null)
        {
            Assert.Skip(MissingReason);
        }
    }

    /// <summary>A citizen on a phone: small viewport, touch, Korean locale.</summary>
    public Task<IBrowserContext> CitizenAsync(Uri? baseUrl = null, IBrowser? on = null) => (on ?? Browser).NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = (baseUrl ?? Server.BaseUrl).ToString(),
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "ko-KR",
        TimezoneId = "Asia/Seoul",
    });

    /// <summary>A counsellor or supervisor at a desktop screen.</summary>
    public Task<IBrowserContext> StaffAsync(Uri? baseUrl = null, IBrowser? on = null) => (on ?? Browser).NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = (baseUrl ?? Server.BaseUrl).ToString(),
        ViewportSize = new ViewportSize { Width = 1440, Height = 860 },
        Locale = "ko-KR",
        TimezoneId = "Asia/Seoul",
    });

    /// <summary>A full-page screenshot beside the test assembly; a screen listed in <see cref="Screens.Known"/> also goes to docs/screens.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
        await Screens.CaptureKnownAsync(page, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
