using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Minwon.Core.TextSafety;

namespace Minwon.Bench.TextSafety;

/// <summary>
/// Masking plus abuse check per message, the work the server does on every chat line (issue 4 asks for 20,000
/// lines/s on one core). Times are per line (OperationsPerInvoke); lines/s = 1 s / mean.
/// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*TextSafety*' --job short`
/// </summary>
[MemoryDiagnoser]
public class TextSafetyBenchmarks
{
    private const int Lines = 1024;

    private readonly PiiMasker masker = new();
    private readonly AbuseDetector detector = new();
    private string[] lines = [];
    private string longLine = "";

    [GlobalSetup]
    public void Setup()
    {
        var source = LoadEvalLines();
        lines = [.. Enumerable.Range(0, Lines).Select(i => source[i % source.Count])];
        longLine = string.Concat(Enumerable.Repeat("민원 접수 010-1234-5678 시발 2024-03-15 ", 100_000 / 32));
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int MaskOnly()
    {
        var n = 0;
        foreach (var line in lines)
        {
            n += masker.Mask(line).Spans.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ClassifyOnly()
    {
        var n = 0;
        foreach (var line in lines)
        {
            n += (int)detector.Classify(line).Label;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Lines, Baseline = true)]
    public int MaskAndClassify()
    {
        var n = 0;
        foreach (var line in lines)
        {
            n += masker.Mask(line).Spans.Count + (int)detector.Classify(line).Label;
        }

        return n;
    }

    /// <summary>A 100 KB line, to show cost grows linearly (no backtracking blow-up).</summary>
    [Benchmark]
    public int MaskAndClassifyLongLine() => masker.Mask(longLine).Spans.Count + (int)detector.Classify(longLine).Label;

    /// <summary>The evaluation sets (about 1,300 realistic citizen lines); synthetic lines if the repository is not around.</summary>
    private static List<string> LoadEvalLines()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "eval", "text-safety");
            if (Directory.Exists(folder))
            {
                return [.. Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal)
                    .SelectMany(File.ReadLines)
                    .Where(l => l.Length > 0)
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")];
            }
        }

        return ["연락처는 010-1234-5678 입니다", "왜 이렇게 일처리가 느려요", "ㅅㅂ 언제까지 기다려", "12가3456 불법주차 신고합니다"];
    }
}
