using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// `minwon qa eval [--set PATH] [--errors] [--gate]`: scores each labelled *.jsonl set found at PATH (default
/// eval/quality) and prints, per area, how well the scorer separates defective from clean consultations, and the
/// collateral (areas lowered without a defect). With --gate the exit code is 1 when a floor is missed.
/// </summary>
public static class EvaluateQuality
{
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, bool showErrors, bool gate, QualityScorer scorer,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var files = paths.SelectMany(Expand).ToList();
        if (files.Count == 0)
        {
            await errors.WriteLineAsync("qa eval: no *.jsonl files found");
            return 2;
        }

        var failures = 0;
        foreach (var file in files)
        {
            var report = QualityEvaluation.Run(await File.ReadAllLinesAsync(file, cancellationToken), scorer);
            await output.WriteLineAsync($"== {Path.GetFileName(file)} (scorecard version {scorer.Card.Version})");
            foreach (var line in report.Describe())
            {
                await output.WriteLineAsync(line);
            }

            foreach (var problem in QualityScoringFloors.Check(report))
            {
                failures++;
                await output.WriteLineAsync($"  BELOW FLOOR: {problem}");
            }

            if (showErrors)
            {
                foreach (var error in report.Errors)
                {
                    await output.WriteLineAsync($"  - {error}");
                }
            }
        }

        await output.FlushAsync(cancellationToken);
        return gate && failures > 0 ? 1 : 0;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal)
        : File.Exists(path) ? [path] : [];
}
