using Microsoft.AspNetCore.Builder;
using Minwon.Server.Platform;

namespace Minwon.Bench.Hosting;

/// <summary>
/// Builds the server inside a bench the way `./minwon serve` runs it (issue 17), not as an application of its own:
/// the application is Minwon.Server, so <c>MapStaticAssets</c> reads <c>Minwon.Server.staticwebassets.endpoints.json</c>;
/// the content root is the server's own build output (src/Minwon.Server/bin/CONFIG/TFM, where its appsettings.json
/// is, as ./minwon sets ASPNETCORE_CONTENTROOT to its build output), and the web root the server's wwwroot.
/// </summary>
public static class ProductHost
{
    public static WebApplication Build(IEnumerable<string> settings) =>
        MinwonHost.Build([.. Arguments(), .. settings], commandLine: true);

    public static string[] Arguments()
    {
        var server = typeof(MinwonHost).Assembly;
        var contentRoot = Path.GetDirectoryName(server.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        var arguments = new List<string> { $"--applicationName={server.GetName().Name}" };
        if (Repository.Find() is { } repo)
        {
            // The bench's output is bench/Minwon.Bench/bin/CONFIG/TFM; the server's is the same below src/Minwon.Server.
            var output = Path.GetRelativePath(Path.Combine(repo, "bench", "Minwon.Bench"), AppContext.BaseDirectory);
            var serverOutput = Path.GetFullPath(Path.Combine(repo, "src", "Minwon.Server", output));
            if (File.Exists(Path.Combine(serverOutput, "Minwon.Server.staticwebassets.endpoints.json")))
            {
                contentRoot = serverOutput;
            }

            arguments.Add($"--webroot={Path.Combine(repo, "src", "Minwon.Server", "wwwroot")}");
        }

        arguments.Add($"--contentRoot={contentRoot}");
        return [.. arguments];
    }
}
