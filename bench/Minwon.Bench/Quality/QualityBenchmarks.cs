using BenchmarkDotNet.Attributes;
using Minwon.Core.Quality;

namespace Minwon.Bench.Quality;

/// <summary>
/// The quality scorer (issue 14 asks for at least 1,000 consultations a second on one core): the labelled
/// consultations of eval/quality (chat and phone, 7 to 13 turns), the same through the command line's JSON parse and
/// format, and one 10,000-turn consultation to show cost grows linearly. Times are per consultation.
/// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*Quality*' --job short`
/// </summary>
[MemoryDiagnoser]
public class QualityBenchmarks
{
    private readonly QualityScorer scorer = QualityScorer.Default;
    private ConsultationRecord[] records = [];
    private string[] lines = [];
    private ConsultationRecord huge = null!;

    [GlobalSetup]
    public void Setup()
    {
        lines = [.. LoadLines()];
        records = [.. lines.Select(l => QualityWire.Parse(l, []))];
        var turns = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0
            ? new ConsultationTurn(Speaker.Citizen, "그럼 다른 서류는 뭐가 필요해요? 너무 답답하네요", i * 5.0)
            : new ConsultationTurn(Speaker.Counsellor, "가족관계증명서가 추가로 필요합니다. 주민센터에서 발급받으실 수 있어요.", i * 5.0));
        huge = new ConsultationRecord("huge", ConsultationChannel.Phone, [.. turns]) { QueueSeconds = 20 };
    }

    public IReadOnlyList<ConsultationRecord> Records => records;

    [Benchmark(Baseline = true, OperationsPerInvoke = 350)]
    public double ScoreLabelledConsultations()
    {
        double sum = 0;
        for (var i = 0; i < 350; i++)
        {
            sum += scorer.Score(records[i % records.Length]).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 350)]
    public int ParseScoreAndFormatLines()
    {
        var n = 0;
        for (var i = 0; i < 350; i++)
        {
            n += QualityWire.Format(scorer.Score(QualityWire.Parse(lines[i % lines.Length], []))).Length;
        }

        return n;
    }

    [Benchmark]
    public double ScoreTenThousandTurns() => scorer.Score(huge).Total;

    private static IEnumerable<string> LoadLines()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "eval", "quality");
            if (Directory.Exists(folder))
            {
                return Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Where(l => l.Length > 0);
            }
        }

        throw new DirectoryNotFoundException("eval/quality not found above " + AppContext.BaseDirectory);
    }
}
