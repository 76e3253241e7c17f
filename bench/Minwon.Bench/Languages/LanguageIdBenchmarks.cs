using BenchmarkDotNet.Attributes;
using Minwon.Core.Languages;

namespace Minwon.Bench.Languages;

/// <summary>
/// Language identification of a first message (issue 16): script count plus, for Latin, Cyrillic and Han text, the
/// character n-gram model. Messages are the dev and held-apart sets in turn; times are per message.
/// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*LanguageId*' --job short`
/// </summary>
[MemoryDiagnoser]
public class LanguageIdBenchmarks
{
    private const int Messages = 512;

    private readonly LanguageIdentifier identifier = LanguageIdentifier.Default;
    private string[] messages = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = new List<string>();
        foreach (var relative in new[] { Path.Combine("eval", "languages", "dev.tsv"), Path.Combine("eval", "held-out", "languages", "test.tsv") })
        {
            samples.AddRange(LanguageSample.ParseTsv(File.ReadAllLines(Locate(relative))).Select(s => s.Text));
        }

        messages = [.. Enumerable.Range(0, Messages).Select(i => samples[i % samples.Count])];
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int Identify()
    {
        var n = 0;
        foreach (var message in messages)
        {
            n += identifier.Identify(message).Language.Length;
        }

        return n;
    }

    [Benchmark]
    public int TrainFromShippedText() => LanguageIdentifier.TrainEmbedded().NgramCount;

    private static string Locate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
