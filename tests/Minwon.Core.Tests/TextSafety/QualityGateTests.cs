using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>
/// CI gate: the development sets under eval/text-safety and the held-apart test sets under eval/held-out/text-safety
/// (found from the repository root) must keep the floors of <see cref="QualityFloors"/>.
/// `minwon text eval --set FILE --errors` lists what fails.
/// </summary>
public sealed class QualityGateTests
{
    private static readonly Lazy<string> EvalFolder = new(Locate);

    private static readonly Lazy<AbuseDetector> Detector = new(() => new AbuseDetector());

    public static TheoryData<string> PiiSets => [.. Sets("pii")];

    public static TheoryData<string> AbuseSets => [.. Sets("abuse")];

    [Theory]
    [MemberData(nameof(PiiSets))]
    public void Masking_keeps_its_recall_and_false_positive_floors(string file)
    {
        var report = PiiEvaluation.Run(File.ReadLines(Path.Combine(EvalFolder.Value, file)), new PiiMasker());
        Assert.True(report.GoldSpans > 50, "the set has positives");
        Assert.True(report.NegativeLines > 50, "the set has look-alikes");
        Assert.Empty(QualityFloors.Check(report));
    }

    [Theory]
    [MemberData(nameof(AbuseSets))]
    public void Abuse_detection_keeps_its_F1_and_angry_complaint_floors(string file)
    {
        var report = AbuseEvaluation.Run(File.ReadLines(Path.Combine(EvalFolder.Value, file)), Detector.Value);
        Assert.True(report.GroupLines("angry") >= 20 || file.Contains("public", StringComparison.Ordinal), "the set has ordinary angry complaints");
        Assert.Empty(QualityFloors.Check(report, Path.GetFileName(file)));
    }

    private static IEnumerable<string> Sets(string prefix) =>
        new[] { "text-safety", Path.Combine("held-out", "text-safety") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(EvalFolder.Value, folder), prefix + "*.jsonl"))
            .Select(path => Path.GetRelativePath(EvalFolder.Value, path))
            .Order(StringComparer.Ordinal);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval");
            if (Directory.Exists(Path.Combine(candidate, "text-safety")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("eval/text-safety not found above " + AppContext.BaseDirectory);
    }
}
