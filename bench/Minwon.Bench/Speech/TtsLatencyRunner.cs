using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Bench.Speech;

/// <summary>
/// Text-to-speech start times (issue 12 targets: cached prompt start &lt; 50 ms, uncached espeak-ng 40-character
/// sentence &lt; 300 ms). "Start" is what a call waits for before the first frame can play: the sentence rewritten for
/// speech (digits), looked up in the disk cache or synthesised, read and resampled to the bridge's 8 kHz, i.e.
/// <see cref="PromptLibrary.SpeakAsync"/> end to end. Uncached: a different 40-character Korean sentence each time
/// (a counter in it), so espeak-ng runs every time (process start included). Arguments: [--cached N] [--uncached N]
/// [--smoke]; `--smoke` (eng/test.sh) runs 20 and 3.
/// </summary>
public static class TtsLatencyRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains(Smoke.Flag);
        var cachedRuns = int.Parse(Option(args, "--cached") ?? (smoke ? "20" : "500"), CultureInfo.InvariantCulture);
        var uncachedRuns = int.Parse(Option(args, "--uncached") ?? (smoke ? "3" : "40"), CultureInfo.InvariantCulture);
        var dir = Path.Combine(Path.GetTempPath(), "minwon-tts-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new VoiceOptions());
            var espeak = new EspeakTextToSpeech(options, NullLogger<EspeakTextToSpeech>.Instance);
            var prompts = new PromptLibrary(new FallbackTextToSpeech([new CachedTextToSpeech(espeak, dir)]), options);
            const string prompt = "민원 안내는 1번, 상담사 연결은 0번을 눌러 주십시오.";
            var warm = await prompts.SpeakAsync(prompt, 8000, CancellationToken.None);
            if (warm is null)
            {
                return Smoke.Verdict(smoke, "tts-latency", (false, "espeak-ng did not speak (apt-get install espeak-ng)"));
            }

            var cached = new List<double>(cachedRuns);
            for (var i = 0; i < cachedRuns; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var samples = await prompts.SpeakAsync(prompt, 8000, CancellationToken.None);
                cached.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (samples is null || samples.Length != warm.Length)
                {
                    return Smoke.Verdict(smoke, "tts-latency", (false, "a cached prompt came back different"));
                }
            }

            var uncached = new List<double>(uncachedRuns);
            var lengths = new List<int>();
            for (var i = 0; i < uncachedRuns; i++)
            {
                // 40 characters with the counter spelled out (no digits: those would be rewritten longer).
                var sentence = $"오늘 {Hangul(i)}번째 안내입니다. 잠시만 기다려 주시기 바랍니다.";
                sentence = sentence.Length >= 40 ? sentence[..40] : sentence.PadRight(40, '.');
                lengths.Add(sentence.Length);
                var start = Stopwatch.GetTimestamp();
                var samples = await prompts.SpeakAsync(sentence, 8000, CancellationToken.None, cache: false);
                uncached.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (samples is null)
                {
                    return Smoke.Verdict(smoke, "tts-latency", (false, "espeak-ng failed an uncached sentence"));
                }
            }

            Console.WriteLine($"Text-to-speech start to 8 kHz samples ready, ms (load average {LoadAverage()}, {Environment.ProcessorCount} cores)");
            Console.WriteLine("| Case | Runs | P50 | P95 | Max |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Print("cached prompt (disk cache, resample)", cached);
            Print($"uncached espeak-ng, {lengths.Min()}-character sentence", uncached);
            return Smoke.Verdict(smoke, "tts-latency",
                (cached.Count == cachedRuns, "not every cached run finished"),
                (uncached.Count == uncachedRuns, "not every uncached run finished"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static string Hangul(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(d => "영일이삼사오육칠팔구"[d - '0']));

    private static void Print(string name, List<double> ms)
    {
        ms.Sort();
        double Q(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms.Count} | {Q(0.5):F1} | {Q(0.95):F1} | {ms[^1]:F1} |"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
