using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minwon.Core.Languages;

namespace Minwon.Server.Features.Languages;

/// <summary>`minwon lang detect [TEXT]` and `minwon lang eval [FILE...] [--errors]` (issue 16).</summary>
public static class LanguageCli
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var lang = new Command("lang", "Language identification of citizen messages.");
        lang.Subcommands.Add(CreateDetect());
        lang.Subcommands.Add(CreateEval());
        lang.Subcommands.Add(CreateImport());
        return lang;
    }

    private static Command CreateDetect()
    {
        var text = new Argument<string?>("TEXT") { Description = "The message (default: one per line from standard input)", Arity = ArgumentArity.ZeroOrOne };
        var detect = new Command("detect", "Write {\"text\",\"language\",\"script\",\"confidence\"} for the message or each input line.") { text };
        detect.SetAction(async (parse, ct) =>
        {
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                if (parse.GetValue(text) is { } one)
                {
                    await WriteAsync(output, one);
                    return 0;
                }

                using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
                while (await input.ReadLineAsync(ct) is { } line)
                {
                    await WriteAsync(output, line);
                }
            }

            return 0;
        });
        return detect;
    }

    private static async Task WriteAsync(TextWriter output, string text)
    {
        var guess = LanguageIdentifier.Default.Identify(text);
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            text,
            language = guess.Language,
            script = guess.Script.ToString(),
            confidence = Math.Round(guess.Confidence, 3),
            confident = guess.IsConfident,
        }, Output));
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "JSON Lines: {articleId, language, title, shortAnswer, keywords[], machineTranslated}" };
        var import = new Command("import-translations", "Add or update knowledge-article translations; a file with any bad line imports nothing.") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"cannot read {path}: no such file");
                return 2;
            }

            await using var app = await Platform.MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            using var reader = new StreamReader(path, Encoding.UTF8);
            var report = await scope.ServiceProvider.GetRequiredService<ImportTranslations>().RunAsync(reader, ct);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { added = report.Added, updated = report.Updated, problems = report.Problems }, Output));
            return report.Problems.Count > 0 ? 1 : 0;
        });
        return import;
    }

    private static Command CreateEval()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Labelled TSV sets (default eval/languages/dev.tsv and eval/held-out/languages/test.tsv)", Arity = ArgumentArity.ZeroOrMore };
        var errors = new Option<bool>("--errors") { Description = "Also list every miss" };
        var eval = new Command("eval", "Print language-ID accuracy per language, for short messages, and the time per message.") { files, errors };
        eval.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given
                ? given.Select(f => f.FullName).ToArray()
                : [Path.Combine("eval", "languages", "dev.tsv"), Path.Combine("eval", "held-out", "languages", "test.tsv")];
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (output)
            {
                var identifier = LanguageIdentifier.Default;
                foreach (var path in paths)
                {
                    IReadOnlyList<LanguageSample> samples;
                    try
                    {
                        samples = LanguageSample.ParseTsv(await File.ReadAllLinesAsync(path, Encoding.UTF8, ct));
                    }
                    catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
                    {
                        await Console.Error.WriteLineAsync($"cannot read {path}: {e.Message}");
                        return 2;
                    }

                    var report = LanguageEvaluation.Run(identifier, samples);
                    var watch = Stopwatch.StartNew();
                    var rounds = 0;
                    while (watch.ElapsedMilliseconds < 500)
                    {
                        foreach (var s in samples)
                        {
                            identifier.Identify(s.Text);
                        }

                        rounds++;
                    }

                    var micros = watch.Elapsed.TotalMicroseconds / Math.Max(1, rounds * samples.Count);
                    await output.WriteLineAsync($"{path}: {report.Correct}/{report.Total} = {report.Accuracy:P1}; short (2-5 words) {report.ShortCorrect}/{report.ShortTotal} = {report.ShortAccuracy:P1}; {micros:F1} µs per message");
                    await output.WriteLineAsync(string.Join("  ", report.PerLanguage.Select(p => $"{p.Key} {p.Value.Correct}/{p.Value.Total}")));
                    if (parse.GetValue(errors))
                    {
                        foreach (var (sample, guess) in report.Errors)
                        {
                            await output.WriteLineAsync($"  {sample.Language} -> {guess.Language} ({guess.Confidence:F2}) {sample.Text}");
                        }
                    }
                }
            }

            return 0;
        });
        return eval;
    }
}
