using Minwon.Core.Speech;
using Minwon.Server.Features.Speech;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// Quality floors of the detector on the VAD sets (docs/benchmarks/speech.md): the development sets it was tuned on and
/// the held-apart sets (vad-test2 was looked at in session 5, so vad-test3 is the one never tuned on). Floors sit just under the measured figures, so a change that loses utterances fails here.
/// The calls' mode (streaming, no look-ahead) is the one gated.
/// </summary>
public sealed class VadQualityGateTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "minwon-vadgate-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("speech/vad-dev.json", 0.97)]
    [InlineData("speech/vad-dev2.json", 0.80)]
    [InlineData("held-out/speech/vad-test.json", 0.92)]
    [InlineData("held-out/speech/vad-test2.json", 0.92)]
    [InlineData("held-out/speech/vad-test3.json", 0.85)]
    public void Finds_the_utterances_of_the_set_within_150_ms(string file, double floor)
    {
        Assert.SkipUnless(VadScenes.ToolsInstalled, VadScenes.Missing);
        var set = VadSet.Load(Path.Combine(EvalFolder(), file));
        var scores = new VadScenes(work).Build(set)
            .Select(scene => VadSceneScore.Score(scene.Id, scene.Truths, EvaluateVad.Stream(scene), scene.Samples.Length * 1000L / scene.SampleRate))
            .ToList();
        var total = VadSceneScore.Sum(set.Name, scores);
        var share = (double)total.WithinTolerance / total.Utterances.Count;
        Assert.True(share >= floor, $"{set.Name}: {total.WithinTolerance}/{total.Utterances.Count} within 150 ms; by scene: "
            + string.Join(", ", scores.Select(s => $"{s.Id} {s.WithinTolerance}/{s.Utterances.Count}")));
        Assert.Equal(0, total.FalseSegments);
    }

    public static string EvalFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval");
            if (File.Exists(Path.Combine(candidate, "speech", "vad-dev.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("eval/speech not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
