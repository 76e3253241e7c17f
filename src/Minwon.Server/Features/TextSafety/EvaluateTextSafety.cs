using Minwon.Core.TextSafety;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// `minwon text eval [--set PATH] [--errors] [--gate]`: scores the masker on *pii*.jsonl and the detector on
/// *abuse*.jsonl found at PATH (a folder or files; default eval/text-safety) and prints the figures.
/// With --gate the exit code is 1 when a quality floor is missed.
/// </summary>
public static class EvaluateTextSafety
{
    public static Task<int> RunAsync(IReadOnlyList<string> paths, bool showErrors, bool gate, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(paths, showErrors, gate, output, errors, modelFile: null, cancellationToken);

    /// <param name="modelFile">An abuse model file to score with instead of the shipped model (`--model`), or null.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> paths, bool showErrors, bool gate, TextWriter output, TextWriter errors, string? modelFile, CancellationToken cancellationToken)
    {
        var files = paths.SelectMany(Expand).ToList();
        if (files.Count == 0)
        {
            await errors.WriteLineAsync("text eval: no *pii*.jsonl or *abuse*.jsonl files found");
            return 2;
        }

        var failures = new List<string>();
        PiiMasker? masker = null;
        AbuseDetector? detector = null;
        foreach (var file in files)
        {
            var lines = await File.ReadAllLinesAsync(file, cancellationToken);
            var name = Path.GetFileName(file);
            IEnumerable<string> figures, problems, found;
            if (name.Contains("pii", StringComparison.OrdinalIgnoreCase))
            {
                var report = PiiEvaluation.Run(lines, masker ??= new PiiMasker());
                (figures, problems, found) = (report.Describe(), QualityFloors.Check(report), report.Errors);
            }
            else
            {
                if (detector is null)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var load = System.Diagnostics.Stopwatch.StartNew();
                    AbuseModel? model;
                    if (modelFile is null)
                    {
                        model = AbuseModel.Shipped();
                    }
                    else
                    {
                        await using var stream = File.OpenRead(modelFile);
                        model = AbuseModel.Read(stream);
                    }

                    await output.WriteLineAsync(model is null ? "(abuse model: none, lexicon alone)" : $"(abuse model: {(model.Description.StartsWith("stack", StringComparison.Ordinal) ? "stacked" : "linear")}, loaded in {load.ElapsedMilliseconds} ms)");
                    clock.Restart();
                    detector = new AbuseDetector(new TextSafetyOptions(), model);

                    await output.WriteLineAsync($"(abuse lexicon: {detector.TermCount} terms, built in {clock.ElapsedMilliseconds} ms)");
                }

                var report = AbuseEvaluation.Run(lines, detector);
                (figures, problems, found) = (report.Describe(), QualityFloors.Check(report, name), report.Errors);
            }

            await output.WriteLineAsync($"== {name}");
            foreach (var line in figures)
            {
                await output.WriteLineAsync(line);
            }

            foreach (var problem in problems)
            {
                failures.Add($"{name}: {problem}");
                await output.WriteLineAsync($"  BELOW FLOOR: {problem}");
            }

            if (showErrors)
            {
                foreach (var error in found)
                {
                    await output.WriteLineAsync($"  - {error}");
                }
            }
        }

        await output.FlushAsync(cancellationToken);
        return gate && failures.Count > 0 ? 1 : 0;
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.jsonl")
                .Where(f => Path.GetFileName(f).Contains("pii", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).Contains("abuse", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        return File.Exists(path) ? [path] : [];
    }
}
