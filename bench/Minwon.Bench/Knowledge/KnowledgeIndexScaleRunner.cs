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
        // `--only-lexicon`: time the shipped configuration only (halves the run; for back-to-back comparisons of builds).
        var onlyLexicon = args.Contains("--only-lexicon");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
        var repo = FindRepository();
        var seeds = EvaluateKnowledge.ReadArticles(File.ReadAllLines(Path.Combine(repo, "eval/knowledge/articles.jsonl")));
        var queries = new[] { "eval/knowledge/questions.jsonl", "eval/knowledge/questions-situations.jsonl", "eval/knowledge/questions-chatty.jsonl", "eval/held-out/knowledge/questions-test.jsonl", "eval/knowledge/questions-voices-dev.jsonl", "eval/held-out/knowledge/questions-test2.jsonl" }
            .Select(f => (Path.GetFileName(f), EvaluateKnowledge.ReadQuestions(File.ReadAllLines(Path.Combine(repo, f))).Select(q => q.Query).ToList()))
            .ToList();
        // `--phases DIR`: profile only, on an index kept in DIR (built there once, reused by later runs of the same count).
        var phasesAt = Array.IndexOf(args, "--phases");
        var kept = phasesAt >= 0 && phasesAt + 1 < args.Length ? args[phasesAt + 1] : null;
        var folder = kept ?? System.IO.Directory.CreateTempSubdirectory("minwon-kb-index-bench-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            if (kept is not null)
            {
                if (!File.Exists(Path.Combine(folder, $"built-{count}")))
                {
                    using (var build = new KnowledgeIndex(FSDirectory.Open(folder), KnowledgeAnalysis.Korean))
                    {
                        build.DeleteAll();
                        build.AddNew(SyntheticArticles.Generate(seeds, count));
                        build.Commit();
                    }

                    File.WriteAllText(Path.Combine(folder, $"built-{count}"), "");
                    Console.WriteLine($"indexed {count:N0} articles in {watch.Elapsed.TotalSeconds:F1} s");
                }

                Phases(folder, repo, args);
                return 0;
            }

            using var index = new KnowledgeIndex(FSDirectory.Open(folder), KnowledgeAnalysis.Korean);
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
            }.Where(c => !onlyLexicon || c.Item1.Contains("lexicon", StringComparison.Ordinal)))
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
            var expected = (onlyLexicon ? 1 : 2) * passes * queries.Sum(q => q.Item2.Count);
            return Smoke.Verdict(smoke, "knowledge-index-scale",
                (index.Count == count, $"the index holds {index.Count} of {count} articles"),
                (timed == expected, $"timed {timed} of {expected} searches"),
                (found > 0, "no search found anything"));
        }
        finally
        {
            try
            {
                if (kept is null)
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException) when (kept is null)
            {
                // Best effort; the temp directory is the OS's to clean.
            }
        }
    }

    /// <summary>
    /// `--phases`: where a search's CPU goes, per set with the colloquial lexicon: building the query (analysis, lexicon,
    /// document-frequency look-ups), Lucene's BM25 search for the candidates, and the naive-Bayes rescoring.
    /// </summary>
    private static void Phases(string folder, string repo, string[] args)
    {
        var sets = new[] { "eval/knowledge/questions.jsonl", "eval/knowledge/questions-situations.jsonl", "eval/knowledge/questions-chatty.jsonl", "eval/held-out/knowledge/questions-test.jsonl", "eval/knowledge/questions-voices-dev.jsonl", "eval/held-out/knowledge/questions-test2.jsonl", "eval/held-out/knowledge/questions-test3.jsonl" };
        var labelled = sets.Select(f => (Path.GetFileName(f), EvaluateKnowledge.ReadQuestions(File.ReadAllLines(Path.Combine(repo, f))))).ToList();
        using var reader = Lucene.Net.Index.DirectoryReader.Open(FSDirectory.Open(folder));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var builder = new KnowledgeQueryBuilder(new KnowledgeAnalyzer(), KnowledgeAnalysis.Korean);
        var synonyms = SynonymExpander.WithDefaults([]);
        int[] pools = args.Contains("--pools") ? [0, 200, 1000, 2000, 4000] : [0, RareFirstQuery.Pool];
        foreach (var ((set, questions), pool) in labelled.SelectMany(l => pools.Select(p => (l, p))))
        {
            var exact = pool == 0;
            var build = new List<double>();
            double mrr = 0, at1 = 0;
            var answerable = 0;
            var search = new List<double>();
            var rerank = new List<double>();
            var clauses = new List<double>();
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var (question, label) in questions)
                {
                    var t0 = ThreadCpu.Milliseconds();
                    var folded = builder.Fold(question);
                    var query = builder.Build(folded, synonyms, reader);
                    var t1 = ThreadCpu.Milliseconds();
                    if (query is null)
                    {
                        continue;
                    }

                    var docs = exact
                        ? searcher.Search(query, ArticleQuestionModel.Candidates)
                        : RareFirstQuery.Candidates(searcher, query, null, ArticleQuestionModel.Candidates, pool);
                    var t2 = ThreadCpu.Milliseconds();
                    var ranked = ArticleQuestionModel.Rerank(folded, docs.ScoreDocs, searcher);
                    var t3 = ThreadCpu.Milliseconds();
                    if (pass == 1 && label is not null)
                    {
                        // A synthetic copy's id is its seed's id and a number: a copy of the labelled article is a hit.
                        var seedsFound = ranked.Take(10).Select(r => searcher.Doc(r.Hit.Doc).Get(KnowledgeFields.Id)).Select(id => id[..id.LastIndexOf('-')]).ToList();
                        var rank = seedsFound.IndexOf(label) + 1;
                        answerable++;
                        at1 += rank == 1 ? 1 : 0;
                        mrr += rank > 0 ? 1.0 / rank : 0;
                    }

                    if (pass == 1)
                    {
                        build.Add(t1 - t0);
                        search.Add(t2 - t1);
                        rerank.Add(t3 - t2);
                        clauses.Add(CountClauses(query));
                    }
                }
            }

            Console.WriteLine($"phases, default synonyms + colloquial lexicon, {set}, {(exact ? "one Lucene search of the whole query" : $"rare terms first (RareFirstQuery.Candidates, pool {pool})")}:");
            Print("  build query", build);
            Print("  BM25 search", search);
            Print("  rescoring  ", rerank);
            Print("  term clauses (count)", clauses);
            Console.WriteLine($"  quality at this scale (a copy of the labelled article counts): R@1 {at1 / Math.Max(1, answerable):F3} MRR@10 {mrr / Math.Max(1, answerable):F3}");
        }
    }

    private static int CountClauses(Lucene.Net.Search.Query query) => query is Lucene.Net.Search.BooleanQuery b ? b.Clauses.Sum(c => CountClauses(c.Query)) : 1;

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
