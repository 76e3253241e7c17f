using Minwon.Core.Languages;

namespace Minwon.Core.Tests.Languages;

/// <summary>
/// CI gate (issue 16): language-ID accuracy on the dev set (tuned on) and the held-apart test set
/// (eval/held-out/languages, never tuned on) stays above floors a little under the figures in docs/benchmarks.md.
/// `minwon lang eval FILE --errors` lists what fails.
/// </summary>
public sealed class LanguageIdentificationGateTests
{
    private static readonly string[] Core = ["ko", "en", "zh", "ja", "vi", "mn", "ru", "th"];

    [Fact]
    public void Dev_set_keeps_its_floor_overall_per_language_and_for_short_messages()
    {
        var report = Evaluate(Path.Combine("eval", "languages", "dev.tsv"));
        Assert.True(report.Total >= 100, "the dev set has at least 100 messages");
        Assert.True(report.ShortTotal >= 40, "the dev set has short messages");
        Assert.True(report.Accuracy >= 0.95, Describe(report));
        Assert.True(report.ShortAccuracy >= 0.90, Describe(report));
        Assert.All(Core, l => Assert.True(report.AccuracyOf(l) >= 0.9, $"{l}: {report.AccuracyOf(l):P0}\n{Describe(report)}"));
    }

    [Fact]
    public void Held_apart_set_keeps_its_floor_overall_and_per_language()
    {
        var report = Evaluate(Path.Combine("eval", "held-out", "languages", "test.tsv"));
        Assert.True(report.Total >= 100, "the held-apart set has at least 100 messages");
        Assert.True(report.Accuracy >= 0.90, Describe(report));
        Assert.All(Core, l => Assert.True(report.AccuracyOf(l) >= 0.8, $"{l}: {report.AccuracyOf(l):P0}\n{Describe(report)}"));
    }

    private static string Describe(LanguageEvaluation report) =>
        $"accuracy {report.Accuracy:P1}, short {report.ShortAccuracy:P1}; misses:\n"
        + string.Join('\n', report.Errors.Select(e => $"{e.Sample.Language} -> {e.Guess.Language} ({e.Guess.Confidence:F2}): {e.Sample.Text}"));

    private static LanguageEvaluation Evaluate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return LanguageEvaluation.Run(LanguageIdentifier.Default, LanguageSample.ParseTsv(File.ReadAllLines(candidate)));
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
