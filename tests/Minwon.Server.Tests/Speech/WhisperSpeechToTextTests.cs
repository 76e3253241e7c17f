using Microsoft.Extensions.Options;
using Minwon.Server.Features.Speech;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// Whisper.net with a real ggml model file when MINWON_TEST_WHISPER_MODEL names one (nothing is downloaded: without it
/// the recognition test is skipped with that message); a missing model is an engine failure, never a crash.
/// </summary>
public sealed class WhisperSpeechToTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string NoModel = "MINWON_TEST_WHISPER_MODEL is not set to a ggml model file (e.g. ggml-base.bin): the Whisper.net recognition test needs one and nothing is downloaded.";

    private static WhisperSpeechToText Engine(string path) =>
        new(Options.Create(new SpeechOptions { Engine = "whisper", Whisper = new WhisperOptions { ModelPath = path, Threads = 2 } }));

    [Fact]
    public async Task Recognises_Korean_speech_with_the_model_given()
    {
        var model = Environment.GetEnvironmentVariable("MINWON_TEST_WHISPER_MODEL");
        Assert.SkipWhen(string.IsNullOrEmpty(model) || !File.Exists(model), NoModel);
        var speech = Voice.VoiceSignals.Speech("가로등이 고장 났어요", 8000);
        Assert.SkipWhen(speech is null, Voice.VoiceSignals.NoEspeak);

        using var engine = Engine(model!);
        var heard = await engine.TranscribeAsync(new SpeechClip(speech!, 8000, "ko"), Ct);

        // espeak-ng's robotic voice is hard even for Whisper: Hangul must come back, the exact words need not.
        Assert.Contains(heard.Text, c => c is >= '가' and <= '힣');
    }

    [Fact]
    public async Task A_missing_model_file_fails_each_utterance_with_a_reason()
    {
        using var engine = Engine(Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.bin"));
        var clip = new SpeechClip(Voice.VoiceSignals.Tone(300, 8000, 0.5), 8000, "ko");
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => engine.TranscribeAsync(clip, Ct));
        Assert.Contains("model", failure.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_fails_each_utterance_with_a_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.bin");
        await File.WriteAllTextAsync(path, "this is not a ggml file", Ct);
        try
        {
            using var engine = Engine(path);
            var clip = new SpeechClip(Voice.VoiceSignals.Tone(300, 8000, 0.5), 8000, "ko");
            await Assert.ThrowsAsync<SpeechEngineException>(() => engine.TranscribeAsync(clip, Ct));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
