using System.Diagnostics;
using Lucene.Net.Store;
using Minwon.Core.Knowledge;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.Knowledge.Search;

namespace Minwon.Bench.Knowledge;

/// <summary>
/// `dotnet run -c Release --project bench/Minwon.Bench -- knowledge-index-scale [count]`: the search path of
/// `knowledge-scale` without the database and web host (issue 13): synthetic articles indexed straight into a Lucene
/// index in a temporary folder, then every question of the development and held-apart sets timed three times with the
/// default synonyms and the colloquial lexicon, ids only (as `kb search --top 10`). `--smoke` (eng/test.sh): 300
/// articles unless a count is given, each question once and no warm-up.
/// </summary>
public static class KnowledgeIndexScaleRunner
{
    public static int Run(string[] args)
    {
        var smoke = args.Contains(Smoke.Flag);
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : smoke ? 300 : 100_000;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
        var repo = FindRepository();
        var seeds = EvaluateKnowledge.ReadArticles(File.ReadAllLines(Path.Combine(repo, "eval/knowledge/articles.jsonl")));
        var queries = new[] { "eval/knowledge/questions.jsonl", "eval/knowledge/questions-situations.jsonl", "eval/knowledge/questions-chatty.jsonl", "eval/held-out/knowledge/questions-test.jsonl", "eval/knowledge/questions-voices-dev.jsonl", "eval/held-out/knowledge/questions-test2.jsonl" }
            .Select(f => (Path.GetFileName(f), EvaluateKnowledge.ReadQuestions(File.ReadAllLines(Path.Combine(repo, f))).Select(q => q.Query).ToList()))
            .ToList();
        var folder = System.IO.Directory.CreateTempSubdirectory("minwon-kb-index-bench-").FullName;
        try
        {
            using var index = new KnowledgeIndex(FSDirectory.Open(folder), KnowledgeAnalysis.Korean);
            var watch = Stopwatch.StartNew();
            index.AddNew(SyntheticArticles.Generate(seeds, count));
            index.Commit();
            Console.WriteLine($"indexed {count:N0} articles in {watch.Elapsed.TotalSeconds:F1} s");
            var now = TimeProvider.System.GetUtcNow();
            var timed = 0;
            var passes = smoke ? 1 : 3;
            var found = 0;
            foreach (var (name, synonyms) in new[]
            {
                ("default synonyms only", new SynonymExpander(DefaultSynonyms.Groups)),
                ("default synonyms + colloquial lexicon", SynonymExpander.WithDefaults([])),
            })
            {
                foreach (var (set, questions) in queries)
                {
                    foreach (var warm in smoke ? [] : questions)
                    {
                        index.Search(warm, 10, now, synonyms);
                    }

                    var wall = new List<double>();
                    var cpu = new List<double>();
                    for (var pass = 0; pass < passes; pass++)
                    {
                        foreach (var query in questions)
                        {
                            var cpuStart = ThreadCpu.Milliseconds();
                            watch.Restart();
                            found += index.Search(query, 10, now, synonyms).Count > 0 ? 1 : 0;
                            wall.Add(watch.Elapsed.TotalMilliseconds);
                            cpu.Add(ThreadCpu.Milliseconds() - cpuStart);
                        }
                    }

                    timed += wall.Count;
                    Console.WriteLine($"{name}, {set}:");
                    Print("  wall clock", wall);
                    Print("  thread CPU", cpu);
                }
            }

            // The rescoring caches each candidate's bigram counts; the timed passes above run warm. The cold case (every
            // candidate read and tokenised again, as for a question unlike any asked since the segment was written):
            foreach (var (set, questions) in queries.Where(q => !smoke && q.Item1 is "questions.jsonl" or "questions-test2.jsonl"))
            {
                var cold = new List<double>();
                foreach (var query in questions)
                {
                    ArticleQuestionModel.ClearCache();
                    var cpuStart = ThreadCpu.Milliseconds();
                    index.Search(query, 10, now, SynonymExpander.WithDefaults([]));
                    cold.Add(ThreadCpu.Milliseconds() - cpuStart);
                }

                Console.WriteLine($"default synonyms + colloquial lexicon, {set}, rescoring cache cleared before each query:");
                Print("  thread CPU", cold);
            }

            Console.WriteLine($"load average now {LoadAverage()}");
            var expected = 2 * passes * queries.Sum(q => q.Item2.Count);
            return Smoke.Verdict(smoke, "knowledge-index-scale",
                (index.Count == count, $"the index holds {index.Count} of {count} articles"),
                (timed == expected, $"timed {timed} of {expected} searches"),
                (found > 0, "no search found anything"));
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the temp directory is the OS's to clean.
            }
        }
    }

    private static void Print(string what, List<double> values)
    {
        values.Sort();
        double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        Console.WriteLine($"{what}: n={values.Count} mean={values.Average():F2} ms p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms max={values[^1]:F2} ms");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "eval/knowledge/articles.jsonl")))
            {
                return dir.FullName;
            }
        }

        return System.IO.Directory.GetCurrentDirectory();
    }
}
