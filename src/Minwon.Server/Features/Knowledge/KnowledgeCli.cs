using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Knowledge.Search;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Knowledge;

/// <summary>`minwon kb import|export|search|reindex|eval` (issue 3). Results on stdout as JSON lines, problems on stderr.</summary>
public static class KnowledgeCli
{
    public static readonly JsonSerializerOptions Json = new(ImportArticles.JsonOptions)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create()
    {
        var kb = new Command("kb", "Knowledge base: import, export, search, reindex, eval.");
        kb.Subcommands.Add(CreateImport());
        kb.Subcommands.Add(CreateExport());
        kb.Subcommands.Add(CreateSearch());
        kb.Subcommands.Add(CreateReindex());
        kb.Subcommands.Add(CreateEval());
        return kb;
    }

    private static Command CreateImport()
    {
        var file = new Argument<string>("file") { Description = "JSON Lines file, one article per line (- for standard input)" };
        var import = new Command("import", "Import or update articles from JSON Lines; they are searchable when the command returns.") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"kb import: file not found: {path}");
                return 2;
            }

            await using var app = await MinwonCli.OpenAsync(parse, ct);
            if (!await app.Services.GetRequiredService<KnowledgeSearch>().IsWritableAsync(ct))
            {
                await Console.Error.WriteLineAsync("kb import: the index is held by a running server on this data directory; stop it or use the API.");
                return 3;
            }

            await using var scope = app.Services.CreateAsyncScope();
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), Utf8) : new StreamReader(path, Utf8);
            var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(reader, ct);
            foreach (var problem in report.Problems)
            {
                await Console.Error.WriteLineAsync($"kb import: {problem}");
            }

            await WriteLineAsync(new { created = report.Created, updated = report.Updated, unchanged = report.Unchanged, problems = report.Problems.Count });
            return 0;
        });
        return import;
    }

    private static Command CreateExport()
    {
        var file = new Argument<string?>("file") { Description = "Output file (default: standard output)", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Export current (not retired) articles as JSON Lines, in the import format.") { file };
        export.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            var path = parse.GetValue(file);
            await using var output = path is null ? Console.OpenStandardOutput() : File.Create(path);
            await using var writer = new StreamWriter(output, Utf8);
            await foreach (var a in db.Set<Article>().AsNoTracking().Where(a => !a.Retired).OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                var line = new ArticleInput
                {
                    Id = a.Id, Title = a.Title, Body = a.Body, Category = a.Category, Keywords = a.Keywords, Questions = a.Questions,
                    ShortAnswer = a.ShortAnswer.Length > 0 ? a.ShortAnswer : null, Department = a.Department.Length > 0 ? a.Department : null,
                    ValidFrom = a.ValidFrom, ValidUntil = a.ValidUntil,
                };
                await writer.WriteLineAsync(JsonSerializer.Serialize(line, Json));
            }

            return 0;
        });
        return export;
    }

    private static Command CreateSearch()
    {
        var top = new Option<int>("--top") { Description = "Results per query", DefaultValueFactory = _ => 10 };
        var search = new Command("search", "Read queries from standard input, one per line; write {\"query\",\"results\":[{\"id\",\"score\"}]} per line.") { top };
        search.SetAction(async (parse, ct) =>
        {
            var k = Math.Clamp(parse.GetValue(top), 0, KnowledgeSearch.MaxTop);
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            var service = app.Services.GetRequiredService<KnowledgeSearch>();
            using var input = new StreamReader(Console.OpenStandardInput(), Utf8);
            await using var output = new StreamWriter(Console.OpenStandardOutput(), Utf8);
            var buffer = new MemoryStream();
            while (await input.ReadLineAsync(ct) is { } line)
            {
                IReadOnlyList<IndexHit> hits;
                try
                {
                    hits = await service.SearchIndexAsync(line, k, withDocuments: false, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One query must never stop the others; the contract still gets its line.
                    await Console.Error.WriteLineAsync($"kb search: query failed ({e.GetType().Name})");
                    hits = [];
                }

                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    json.WriteString("query", line);
                    json.WriteStartArray("results");
                    foreach (var hit in hits)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", hit.Id);
                        json.WriteNumber("score", Math.Round(hit.Score, 4));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                await output.WriteLineAsync(Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                await output.FlushAsync(ct);
            }

            return 0;
        });
        return search;
    }

    private static Command CreateReindex()
    {
        var reindex = new Command("reindex", "Rebuild the search index from the database.");
        reindex.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            var watch = Stopwatch.StartNew();
            var count = await app.Services.GetRequiredService<KnowledgeSearch>().ReindexAsync(ct);
            await WriteLineAsync(new { indexed = count, seconds = Math.Round(watch.Elapsed.TotalSeconds, 2) });
            return 0;
        });
        return reindex;
    }

    private static Command CreateEval()
    {
        var articles = new Option<string>("--articles") { Description = "Labelled articles (JSON Lines)", DefaultValueFactory = _ => "eval/knowledge/articles.jsonl" };
        var questions = new Option<string>("--questions") { Description = "Labelled questions {\"query\",\"id\"} (JSON Lines)", DefaultValueFactory = _ => "eval/knowledge/questions.jsonl" };
        var verbose = new Option<bool>("--verbose") { Description = "List every question not answered first on stderr" };
        var eval = new Command("eval", "Recall@1, Recall@5 and MRR@10 of our Korean analysis and of whitespace BM25 on a labelled set.") { articles, questions, verbose };
        eval.SetAction(async (parse, ct) =>
        {
            var docs = EvaluateKnowledge.ReadArticles(await File.ReadAllLinesAsync(parse.GetValue(articles)!, ct));
            var labelled = EvaluateKnowledge.ReadQuestions(await File.ReadAllLinesAsync(parse.GetValue(questions)!, ct));
            var misses = parse.GetValue(verbose) ? Console.Error : null;
            var korean = EvaluateKnowledge.Run(docs, labelled, KnowledgeAnalysis.Korean, misses);
            var whitespace = EvaluateKnowledge.Run(docs, labelled, KnowledgeAnalysis.Whitespace, misses);
            await WriteLineAsync(korean);
            await WriteLineAsync(whitespace);
            await WriteLineAsync(new { mrr_ratio = Math.Round(korean.MrrAt10 / Math.Max(0.0001, whitespace.MrrAt10), 2) });
            return 0;
        });
        return eval;
    }

    private static async Task WriteLineAsync<T>(T value)
    {
        await using var stdout = Console.OpenStandardOutput();
        var bytes = Utf8.GetBytes(JsonSerializer.Serialize(value, Json) + "\n");
        await stdout.WriteAsync(bytes);
    }
}
