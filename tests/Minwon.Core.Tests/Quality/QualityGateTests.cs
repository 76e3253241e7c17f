using Minwon.Core.Quality;

namespace Minwon.Core.Tests.Quality;

/// <summary>
/// CI gate: the labelled sets under eval/quality (tuning, held-apart and fresh) and eval/held-out/quality keep the floors of
/// <see cref="QualityScoringFloors"/>. test-2.jsonl met them at its first measurement (scorer 6912ed4, not tuned on);
/// a scorer change made because of it would make it a development set (eval/held-out/quality/README.md). `minwon qa eval --errors` lists what fails.
/// </summary>
public sealed class QualityGateTests
{
    private static readonly Lazy<string> EvalFolder = new(Locate);

    public static TheoryData<string> Sets =>
    [
        .. Directory.EnumerateFiles(EvalFolder.Value, "*.jsonl").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal),
        Path.Combine("..", "held-out", "quality", "test.jsonl"),
        Path.Combine("..", "held-out", "quality", "test-2.jsonl"),
    ];

    [Fact]
    public void The_tuning_set_and_the_held_apart_set_are_both_there() =>
        Assert.Superset(new HashSet<string> { "tune.jsonl", "holdout.jsonl", "fresh.jsonl", Path.Combine("..", "held-out", "quality", "test.jsonl"), Path.Combine("..", "held-out", "quality", "test-2.jsonl") }, Sets.Select(row => row.Data).ToHashSet());

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_scorer_keeps_its_floors(string file)
    {
        var report = QualityEvaluation.Run(File.ReadLines(Path.Combine(EvalFolder.Value, file)), QualityScorer.Default);
        Assert.True(report.Clean >= 10, "the set has clean consultations");
        Assert.All(QualityAreas.All, a => Assert.True(report.Defective(a) >= 4, $"the set has {a} defects"));
        var problems = QualityScoringFloors.Check(report).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Concat(report.Errors)));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval", "quality");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("eval/quality not found above " + AppContext.BaseDirectory);
    }
}
