using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// Text-to-speech engines: the OpenAI-compatible one against <see cref="FakeOutsideTtsService"/> over real HTTP,
/// espeak-ng (the Debian package) and its absence, the fallback order, the disk cache keyed by engine, voice and text,
/// and identifiers read digit by digit.
/// </summary>
public sealed class TextToSpeechTests : IDisposable
{
    private readonly string cache = Path.Combine(Path.GetTempPath(), "minwon-tts-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IOptions<VoiceOptions> Options(string url = "", string command = "espeak-ng", string engine = "openai", int timeout = 10) =>
        Microsoft.Extensions.Options.Options.Create(new VoiceOptions
        {
            Tts = new TtsOptions
            {
                Engine = engine,
                Command = command,
                OpenAi = new OpenAiSpeechSynthesisOptions { Url = url, ApiKey = "tts-key-7", Model = "kokoro-ko", Voice = "seoyeon", TimeoutSeconds = timeout },
            },
        });

    private static OpenAiTextToSpeech OpenAi(IOptions<VoiceOptions> options) => new(new HttpClient(), options, NullLogger<OpenAiTextToSpeech>.Instance);

    private static EspeakTextToSpeech Espeak(IOptions<VoiceOptions> options) => new(options, NullLogger<EspeakTextToSpeech>.Instance);

    [Fact]
    public async Task Posts_json_with_model_input_voice_and_wav_format_and_reads_the_wav()
    {
        await using var tts = await FakeOutsideTtsService.StartAsync();

        var audio = await OpenAi(Options(tts.Url)).SynthesizeAsync("안녕하세요. 120 다산콜센터입니다.", "ko", Ct);

        Assert.NotNull(audio);
        Assert.Equal(24000, audio.SampleRate);
        Assert.Equal(FakeOutsideTtsService.SamplesFor("안녕하세요. 120 다산콜센터입니다."), audio.Samples.Length);
        var request = Assert.Single(tts.Requests);
        Assert.True(request.Json);
        Assert.Equal(("kokoro-ko", "안녕하세요. 120 다산콜센터입니다.", "seoyeon", "wav"), (request.Model, request.Input, request.Voice, request.ResponseFormat));
        Assert.Equal("Bearer tts-key-7", request.Authorization);
    }

    [Fact]
    public async Task A_stereo_answer_is_read_as_its_first_channel()
    {
        await using var tts = await FakeOutsideTtsService.StartAsync();
        tts.Mode = "stereo";
        var audio = await OpenAi(Options(tts.Url)).SynthesizeAsync("네", "ko", Ct);
        Assert.Equal(FakeOutsideTtsService.SamplesFor("네"), audio?.Samples.Length);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("html")]
    [InlineData("hang")]
    public async Task A_failing_endpoint_gives_no_audio_and_espeak_ng_speaks_instead(string mode)
    {
        Assert.SkipUnless(Voice.VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng)");
        await using var tts = await FakeOutsideTtsService.StartAsync();
        tts.Mode = mode;
        var options = Options(tts.Url, timeout: 1);
        var openAi = OpenAi(options);

        Assert.Null(await openAi.SynthesizeAsync("안내해 드리겠습니다.", "ko", Ct));
        var chain = new FallbackTextToSpeech([openAi, Espeak(options)]);
        var audio = await chain.SynthesizeAsync("안내해 드리겠습니다.", "ko", Ct);

        Assert.NotNull(audio);
        Assert.Equal(22050, audio.SampleRate);
        Assert.True(audio.Samples.Length > 22050 / 2, "espeak-ng said the sentence");
        Assert.Equal(2, tts.Requests.Count);
    }

    [Fact]
    public async Task Without_espeak_ng_the_engine_says_it_is_missing_and_the_shipped_prompts_play()
    {
        var options = Options(command: "/nonexistent/espeak-ng-" + Guid.NewGuid().ToString("N"), engine: "espeak-ng");
        var espeak = Espeak(options);

        Assert.Null(await espeak.SynthesizeAsync("안녕하세요.", "ko", Ct));
        Assert.True(espeak.Missing);
        var prompts = new PromptLibrary(new FallbackTextToSpeech([new CachedTextToSpeech(espeak, cache)]), options);
        var notice = await prompts.GetAsync(PromptLibrary.RecordingNotice, 8000, Ct);
        var (shipped, rate, _) = Minwon.Core.Voice.Wav.Read(await File.ReadAllBytesAsync(Path.Combine(PromptLibrary.ShippedDirectory, "recording-notice.wav"), Ct));
        Assert.InRange(notice.Length, shipped.Length * 8000L / rate - 320, shipped.Length * 8000L / rate + 320);
        Assert.Null(await prompts.SpeakAsync("현재 대기 순번은 2번째입니다.", 8000, Ct));
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFiles(cache).Any());
    }

    [Fact]
    public async Task The_cache_is_keyed_by_engine_voice_and_text_and_answers_from_disk()
    {
        await using var tts = await FakeOutsideTtsService.StartAsync();
        var first = new CachedTextToSpeech(OpenAi(Options(tts.Url)), cache);

        var a = await first.SynthesizeAsync("민원 접수 안내입니다.", "ko", Ct);
        var again = await first.SynthesizeAsync("민원 접수 안내입니다.", "ko", Ct);
        Assert.Single(tts.Requests);
        Assert.Equal(a!.Samples, again!.Samples);
        Assert.Single(Directory.GetFiles(cache, "*.wav"));

        await first.SynthesizeAsync("민원 접수 안내입니다.", "en", Ct);
        var otherVoice = Options(tts.Url);
        otherVoice.Value.Tts.OpenAi.Voice = "minjun";
        await new CachedTextToSpeech(OpenAi(otherVoice), cache).SynthesizeAsync("민원 접수 안내입니다.", "ko", Ct);
        Assert.Equal(3, tts.Requests.Count);
        Assert.Equal(3, Directory.GetFiles(cache, "*.wav").Length);
        Assert.NotEqual(CachedTextToSpeech.Key("espeak-ng", "ko", "네"), CachedTextToSpeech.Key("openai:tts-1:alloy", "ko", "네"));
    }

    [Fact]
    public async Task Identifiers_reach_the_engine_as_digits_and_sentences_with_personal_data_stay_off_disk()
    {
        await using var tts = await FakeOutsideTtsService.StartAsync();
        var options = Options(tts.Url);
        var prompts = new PromptLibrary(new FallbackTextToSpeech([new CachedTextToSpeech(OpenAi(options), cache)]), options);

        var spoken = await prompts.SpeakAsync("접수번호는 2026-1206-000123입니다.", 8000, Ct);
        await prompts.SpeakAsync("010-1234-5678 번호가 맞으면 1번을 눌러 주십시오.", 8000, Ct, cache: false);

        Assert.NotNull(spoken);
        Assert.Equal(["접수번호는 이 공 이 육, 일 이 공 육, 공 공 공 일 이 삼입니다.", "공 일 공, 일 이 삼 사, 오 육 칠 팔 번호가 맞으면 1번을 눌러 주십시오."],
            tts.Requests.Select(r => r.Input));
        Assert.Single(Directory.GetFiles(cache, "*.wav"));
    }

    public void Dispose()
    {
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
