using System.Diagnostics;
using System.Globalization;
using Minwon.Core.Speech;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// `minwon voice vad-eval SET.json...`: builds each set's scenes (espeak-ng and sox), runs the detector as the calls
/// do (streaming, 20 ms at a time, no look-ahead) and as `voice vad` does (whole file), and prints per scene and per
/// set: utterances found, found as one segment with both edges within 150 ms, splits, merges, false segments and
/// boundary errors. Figures go to docs/benchmarks/speech.md.
/// </summary>
public static class EvaluateVad
{
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, TextWriter errors, CancellationToken cancellationToken, bool misses = false, string? wavDirectory = null)
    {
        if (!VadScenes.ToolsInstalled)
        {
            await errors.WriteLineAsync("error: " + VadScenes.Missing);
            return DetectSpeech.BadInput;
        }

        var work = Path.Combine(Path.GetTempPath(), "minwon-vad-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var path in paths)
            {
                var set = VadSet.Load(path);
                var scenes = new VadScenes(work);
                var streamed = new List<VadSceneScore>();
                var whole = new List<VadSceneScore>();
                await output.WriteLineAsync($"# {set.Name} ({path})");
                await output.WriteLineAsync("scene | mode | utterances | within 150 ms | split | merged | false segments | start error p50/p90 ms | end error p50/p90 ms");
                for (var i = 0; i < set.Scenes.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var scene = scenes.Build(set, i);
                    var ms = scene.Samples.Length * 1000L / scene.SampleRate;
                    if (wavDirectory is not null)
                    {
                        Save(scene, wavDirectory);
                    }

                    var s = VadSceneScore.Score(scene.Id, scene.Truths, Stream(scene), ms);
                    var w = VadSceneScore.Score(scene.Id, scene.Truths, VoiceActivityDetector.Detect(scene.Samples, scene.SampleRate), ms);
                    streamed.Add(s);
                    whole.Add(w);
                    await output.WriteLineAsync(Row(scene.Id, "stream", s));
                    await output.WriteLineAsync(Row(scene.Id, "file", w));
                    if (misses)
                    {
                        foreach (var u in s.Utterances.Where(u => !u.Within(VadSceneScore.ToleranceMs)))
                        {
                            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"  miss {scene.Id}: truth {u.Truth.StartMs}-{u.Truth.EndMs}, found {u.Found?.StartMs}-{u.Found?.EndMs} (start {u.StartErrorMs:+0;-0}, end {u.EndErrorMs:+0;-0} ms, {u.Overlapping} segment(s){(u.Merged ? ", merged" : "")})"));
                        }
                    }
                }

                await output.WriteLineAsync(Row("TOTAL", "stream", VadSceneScore.Sum(set.Name, streamed)));
                await output.WriteLineAsync(Row("TOTAL", "file", VadSceneScore.Sum(set.Name, whole)));
                await output.WriteLineAsync();
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The detector as a call runs it: 20 ms frames, no look-ahead, no priming.</summary>
    public static List<SpeechSegment> Stream(VadScene scene)
    {
        var vad = new VoiceActivityDetector(scene.SampleRate);
        var events = new List<VadEvent>();
        var frame = scene.SampleRate / 50;
        for (var at = 0; at < scene.Samples.Length; at += frame)
        {
            vad.Process(scene.Samples.AsSpan(at, Math.Min(frame, scene.Samples.Length - at)), events);
        }

        vad.Flush(events);
        return [.. events.Where(e => e.Kind == VadEventKind.Ended).Select(e => e.Segment)];
    }

    private static void Save(VadScene scene, string directory)
    {
        Directory.CreateDirectory(directory);
        var bytes = new byte[scene.Samples.Length * 2];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(scene.Samples.AsSpan()).CopyTo(bytes);
        File.WriteAllBytes(Path.Combine(directory, scene.Id + ".wav"), [.. Minwon.Core.Voice.Wav.Header(scene.SampleRate, 1, bytes.Length), .. bytes]);
        File.WriteAllLines(Path.Combine(directory, scene.Id + ".truth.jsonl"),
            scene.Truths.Select(t => string.Create(CultureInfo.InvariantCulture, $"{{\"startMs\": {t.StartMs}, \"endMs\": {t.EndMs}}}")));
    }

    private static string Row(string id, string mode, VadSceneScore s) => string.Create(CultureInfo.InvariantCulture,
        $"{id} | {mode} | {s.Utterances.Count} | {s.WithinTolerance} ({100.0 * s.WithinTolerance / Math.Max(1, s.Utterances.Count):F1} %) | {s.Split} | {s.Merged} | {s.FalseSegments} | {s.Percentile(true, 50):F0}/{s.Percentile(true, 90):F0} | {s.Percentile(false, 50):F0}/{s.Percentile(false, 90):F0}");
}
