using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Platform;

namespace Minwon.Bench.Knowledge;

/// <summary>
/// `dotnet run -c Release --project bench/Minwon.Bench -- knowledge-scale [count] [--smoke]`: fills a fresh SQLite
/// database with synthetic articles (100,000 by default), times a full reindex from the database, then times every
/// labelled question against that index, ids only (as `kb search`) and with highlighting (as the bot), reporting
/// p50/p95/p99. The server is hosted as `./minwon serve` runs it (<see cref="Hosting.ProductHost"/>). `--smoke`
/// (eng/test.sh): 300 articles unless a count is given, each question timed once; fails only when the run does not
/// complete or reports nothing.
/// </summary>
public static class KnowledgeScaleRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains(Smoke.Flag);
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : smoke ? 300 : 100_000;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
        var repo = FindRepository();
        var seeds = EvaluateKnowledge.ReadArticles(File.ReadAllLines(Path.Combine(repo, "eval/knowledge/articles.jsonl")));
        var queries = EvaluateKnowledge.ReadQuestions(File.ReadAllLines(Path.Combine(repo, "eval/knowledge/questions.jsonl"))).Select(q => q.Query).ToList();
        var dataDir = Directory.CreateTempSubdirectory("minwon-kb-bench-").FullName;
        try
        {
            await using var app = Hosting.ProductHost.Build([$"--{MinwonOptions.Section}:DataDir={dataDir}"]);
            await MinwonCli.PrepareDatabaseAsync(app.Services, CancellationToken.None);

            var watch = Stopwatch.StartNew();
            foreach (var chunk in SyntheticArticles.Generate(seeds, count).Chunk(5000))
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.AddRange(chunk);
                await db.SaveChangesAsync();
            }

            Console.WriteLine($"articles: {count:N0} (database filled in {watch.Elapsed.TotalSeconds:F1} s, not part of the figures)");
            var search = app.Services.GetRequiredService<KnowledgeSearch>();
            watch.Restart();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var indexed = await search.ReindexAsync(CancellationToken.None);
            process.Refresh();
            Console.WriteLine($"full reindex: {indexed:N0} articles in {watch.Elapsed.TotalSeconds:F1} s wall clock, {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s CPU (all threads)");
            Console.WriteLine($"index size: {DirectorySize(search.IndexDirectory) / 1024.0 / 1024.0:F0} MB");

            var passes = smoke ? 1 : 3;
            foreach (var warm in smoke ? [] : queries)
            {
                await search.SearchAsync(warm, 10, CancellationToken.None);
            }

            var mrr = await QualityAsync(search, EvaluateKnowledge.ReadQuestions(File.ReadAllLines(Path.Combine(repo, "eval/knowledge/questions.jsonl"))));
            var ids = await TimeAsync(queries, passes, q => search.SearchIndexAsync(q, 10, false, CancellationToken.None));
            Report("search, ids only (kb search --top 10)", ids);
            Console.WriteLine($"load average now {LoadAverage()}");
            var answers = await TimeAsync(queries, passes, q => search.SearchAsync(q, 5, CancellationToken.None));
            Report("search with short answer and highlight (SearchAsync top 5)", answers);
            return Smoke.Verdict(smoke, "knowledge-scale",
                (indexed == count, $"indexed {indexed} of {count} articles"),
                (mrr > 0, "no labelled question found its article"),
                (ids.Wall.Count == passes * queries.Count && answers.Wall.Count == passes * queries.Count, "not every query was timed"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the temp directory is the OS's to clean.
            }
        }
    }

    private static async Task<(List<double> Wall, List<double> Cpu)> TimeAsync<T>(IReadOnlyList<string> queries, int passes, Func<string, Task<T>> run)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var query in queries)
            {
                // The search completes synchronously once the index is open, so the thread is the same throughout.
                var cpuStart = ThreadCpu.Milliseconds();
                var watch = Stopwatch.StartNew();
                await run(query);
                wall.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(ThreadCpu.Milliseconds() - cpuStart);
            }
        }

        return (wall, cpu);
    }

    // A synthetic article answers what its seed answers: a hit counts when its id is the seed id plus "-N".
    private static async Task<double> QualityAsync(KnowledgeSearch search, IReadOnlyList<EvaluateKnowledge.LabelledQuestion> questions)
    {
        double at1 = 0, mrr = 0;
        var answerable = questions.Where(q => q.Id is not null).ToList();
        foreach (var question in answerable)
        {
            var hits = await search.SearchIndexAsync(question.Query, 10, false, CancellationToken.None);
            var rank = hits.Select((h, i) => (Seed: h.Id[..h.Id.LastIndexOf('-')], Rank: i + 1)).FirstOrDefault(h => h.Seed == question.Id).Rank;
            at1 += rank == 1 ? 1 : 0;
            mrr += rank > 0 ? 1.0 / rank : 0;
        }

        Console.WriteLine($"quality at this size (hit = any copy of the right article): Recall@1={at1 / answerable.Count:F3} MRR@10={mrr / answerable.Count:F3}");
        return mrr / answerable.Count;
    }

    private static void Report(string label, (List<double> Wall, List<double> Cpu) times)
    {
        Console.WriteLine($"{label}:");
        Print("  wall clock", times.Wall);
        if (ThreadCpu.Available)
        {
            Print("  thread CPU", times.Cpu);
        }

        static void Print(string what, List<double> values)
        {
            values.Sort();
            double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
            Console.WriteLine($"{what}: n={values.Count} mean={values.Average():F2} ms p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms max={values[^1]:F2} ms");
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static long DirectorySize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "eval/knowledge/articles.jsonl")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
