namespace Minwon.E2E;

/// <summary>Where the browser is expected; the test script installs Debian's chromium there.</summary>
public static class BrowserFacts
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("MINWON_CHROMIUM") ?? "/usr/bin/chromium";
}
