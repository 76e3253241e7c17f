using Microsoft.Extensions.Options;
using Minwon.Server.Features.Speech;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// The OpenAI-compatible engine against <see cref="FakeOutsideSttService"/> over real HTTP: the request is the multipart
/// form such servers parse (a mono WAV at the call's rate, the model, language ko, JSON answers, the bearer key), the
/// answer's text comes back, and every kind of bad answer is a <see cref="SpeechEngineException"/>, not a crash.
/// </summary>
public sealed class OpenAiSpeechToTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpenAiSpeechToText Engine(FakeOutsideSttService stt, string key = "stt-key-1", string url = "") =>
        new(new HttpClient(), Options.Create(new SpeechOptions
        {
            Engine = "openai",
            OpenAi = new OpenAiSpeechOptions { Url = url.Length > 0 ? url : stt.Url, ApiKey = key, Model = "whisper-large-v3" },
        }));

    private static SpeechClip Clip(int rate = 8000, double seconds = 1.5) =>
        new(Voice.VoiceSignals.Tone(440, rate, seconds), rate, "ko");

    [Fact]
    public async Task Sends_the_utterance_as_a_mono_wav_form_with_model_and_language_and_returns_the_text()
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Answer("  가로등이 고장 났어요  ");

        var heard = await Engine(stt).TranscribeAsync(Clip(8000, 1.5), Ct);

        Assert.Equal("가로등이 고장 났어요", heard.Text);
        var request = Assert.Single(stt.Requests);
        Assert.Equal(("whisper-large-v3", "ko", "json"), (request.Model, request.Language, request.ResponseFormat));
        Assert.True(request.MonoWav, "the file is a mono RIFF/WAVE");
        Assert.Equal((8000, 12000), (request.SampleRate, request.Samples));
        Assert.Equal("Bearer stt-key-1", request.Authorization);
        Assert.EndsWith(".wav", request.FileName);
    }

    [Fact]
    public async Task Sends_no_authorization_header_without_a_key()
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Answer("네");
        Assert.Equal("네", (await Engine(stt, key: "").TranscribeAsync(Clip(16000, 0.5), Ct)).Text);
        var request = Assert.Single(stt.Requests);
        Assert.Equal("", request.Authorization);
        Assert.Equal(16000, request.SampleRate);
    }

    [Theory]
    [InlineData("500", "answered 500")]
    [InlineData("html", "did not answer JSON")]
    [InlineData("no-text", "without a text")]
    public async Task A_bad_answer_fails_the_utterance_with_a_reason(string mode, string reason)
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Mode = mode;
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => Engine(stt).TranscribeAsync(Clip(), Ct));
        Assert.Contains(reason, failure.Message);
        Assert.Single(stt.Requests);
    }

    [Fact]
    public async Task An_absurdly_long_answer_is_refused()
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Answer(new string('가', OpenAiSpeechToText.MaxTextLength + 1));
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => Engine(stt).TranscribeAsync(Clip(), Ct));
        Assert.Contains("characters", failure.Message);
    }

    [Fact]
    public async Task An_engine_that_hangs_is_cancelled_by_the_callers_timeout()
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Mode = "hang";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine(stt).TranscribeAsync(Clip(), timeout.Token));
    }

    [Fact]
    public async Task An_unreachable_or_unset_address_is_an_engine_failure()
    {
        await using var stt = await FakeOutsideSttService.StartAsync();
        var gone = stt.Url;
        await stt.DisposeAsync();
        await Assert.ThrowsAsync<SpeechEngineException>(() => Engine(stt, url: gone).TranscribeAsync(Clip(), Ct));

        var unset = new OpenAiSpeechToText(new HttpClient(), Options.Create(new SpeechOptions { Engine = "openai" }));
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => unset.TranscribeAsync(Clip(), Ct));
        Assert.Contains("Url", failure.Message);
    }
}
