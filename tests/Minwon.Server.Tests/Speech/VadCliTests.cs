using System.Text.Json;
using Minwon.Core.Speech;
using Minwon.Core.Voice;
using Minwon.Server.Features.Speech;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// `minwon voice vad FILE.wav`, the contract an outside team checks with its own Korean audio: Korean utterances made
/// by espeak-ng in the test, joined with silences and sox-made noise, each found with both edges within 150 ms of
/// where it was placed; bad files refused with a message and exit code 2.
/// </summary>
public sealed class VadCliTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "minwon-vadcli-" + Guid.NewGuid().ToString("N"));

    private static readonly VadSet Set = new()
    {
        Name = "cli",
        Seed = 5,
        UtterancesPerScene = 4,
        Sentences = ["여보세요, 구청이죠?", "음식물 쓰레기를 며칠째 안 가져가요.", "네.", "접수번호는 이공이육 다시 공공칠이에요."],
        Scenes =
        [
            new VadSceneSpec { Id = "pink-12db-8k", Rate = 8000, Noise = "pink", SnrDb = 12 },
            new VadSceneSpec { Id = "white-8db-16k", Rate = 16000, Noise = "white", SnrDb = 8, Speed = 160 },
            new VadSceneSpec { Id = "clipped-16k", Rate = 16000, GainDb = 20, Noise = "brown", SnrDb = 15 },
        ],
    };

    [Fact]
    public async Task Prints_one_json_line_per_utterance_with_both_edges_within_150_ms()
    {
        Assert.SkipUnless(VadScenes.ToolsInstalled, VadScenes.Missing);
        var scenes = new VadScenes(work);
        for (var i = 0; i < Set.Scenes.Count; i++)
        {
            var scene = scenes.Build(Set, i);
            var file = Write(scene.Id, scene.Samples, scene.SampleRate);
            var (exit, stdout, stderr) = await CliRunner.RunAsync("voice", "vad", file);
            Assert.True(exit == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var found = lines.Select(Parse).ToList();
            var score = VadSceneScore.Score(scene.Id, scene.Truths, found, scene.Samples.Length * 1000L / scene.SampleRate);
            Assert.True(score.WithinTolerance == scene.Truths.Count && score.FalseSegments == 0,
                $"{scene.Id}: truths {string.Join(' ', scene.Truths)}; printed {stdout}");
        }
    }

    [Fact]
    public async Task Other_rates_are_resampled_and_give_the_same_segments()
    {
        Assert.SkipUnless(VadScenes.ToolsInstalled, VadScenes.Missing);
        var scene = new VadScenes(work).Build(Set, 1);
        var upsampled = Minwon.Server.Features.Voice.Speech.PromptLibrary.Resample(scene.Samples, 16000, 44100);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("voice", "vad", Write("cd-rate", upsampled, 44100));
        Assert.True(exit == 0, stderr);
        var found = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Equal(scene.Truths.Count, VadSceneScore.Score("44k", scene.Truths, found, 0).WithinTolerance);
    }

    [Fact]
    public async Task Bad_files_get_a_clear_error_and_exit_code_2()
    {
        var mono = new short[8000];
        var stereo = Path.Combine(Directory.CreateDirectory(work).FullName, "stereo.wav");
        await File.WriteAllBytesAsync(stereo, [.. Wav.Header(8000, 2, mono.Length * 2), .. Pcm.ToBytes(mono)], TestContext.Current.CancellationToken);
        var corrupt = Path.Combine(work, "corrupt.wav");
        await File.WriteAllBytesAsync(corrupt, "RIFF\u0004\u0000\u0000\u0000WAVEfmt \u0002\u0000\u0000\u0000"u8.ToArray(), TestContext.Current.CancellationToken);
        var text = Path.Combine(work, "notes.wav");
        await File.WriteAllTextAsync(text, "이것은 소리가 아닙니다", TestContext.Current.CancellationToken);
        var eightBit = Path.Combine(work, "8bit.wav");
        var header = Wav.Header(8000, 1, 8000);
        header[34] = 8;
        await File.WriteAllBytesAsync(eightBit, [.. header, .. new byte[8000]], TestContext.Current.CancellationToken);

        foreach (var (file, expected) in new[]
        {
            (stereo, "2 channels"),
            (corrupt, "truncated"),
            (text, "Not a RIFF/WAVE"),
            (eightBit, "16-bit"),
            (Write("4k", new short[4000], 4000), "4000 Hz"),
            (Path.Combine(work, "missing.wav"), "cannot read"),
        })
        {
            var (exit, stdout, stderr) = await CliRunner.RunAsync("voice", "vad", file);
            Assert.Equal(DetectSpeech.BadInput, exit);
            Assert.Empty(stdout);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_silent_file_prints_nothing_and_succeeds()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("voice", "vad", Write("silence", new short[16000 * 120], 16000));
        Assert.True(exit == 0, stderr);
        Assert.Empty(stdout);
    }

    private static SpeechSegment Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
        return new SpeechSegment(json.RootElement.GetProperty("startMs").GetInt64(), json.RootElement.GetProperty("endMs").GetInt64());
    }

    private string Write(string name, short[] samples, int rate)
    {
        Directory.CreateDirectory(work);
        var path = Path.Combine(work, name + ".wav");
        File.WriteAllBytes(path, [.. Wav.Header(rate, 1, samples.Length * 2), .. Pcm.ToBytes(samples)]);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
