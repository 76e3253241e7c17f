using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Speech;

/// <summary>
/// The fixed phrases of a call, ready at the call's rate: synthesised by the text-to-speech engine (cached), or the
/// WAV files shipped in data-seed/voice/prompts when no engine speaks. Warmed at start so the recording notice plays
/// within a frame of the connection.
/// </summary>
public sealed class PromptLibrary(ITextToSpeech tts, IOptions<VoiceOptions> options)
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [RecordingNotice] = "상담 품질 향상을 위해 통화 내용이 녹음됩니다.",
        [PleaseWait] = "잠시만 기다려 주십시오. 곧 상담사가 연결됩니다.",
        [CallbackOffer] = "대기 시간이 길어 콜백 예약이 가능합니다. 콜백을 원하시면 1번을 눌러 주십시오.",
        [CallbackBooked] = "콜백 예약이 접수되었습니다. 상담사가 곧 전화드리겠습니다. 감사합니다.",
        [Transfer] = "다른 상담사에게 연결해 드리겠습니다. 잠시만 기다려 주십시오.",
        [Goodbye] = "상담이 종료되었습니다. 이용해 주셔서 감사합니다.",
    };

    public const string RecordingNotice = "recording-notice";
    public const string PleaseWait = "please-wait";
    public const string CallbackOffer = "callback-offer";
    public const string CallbackBooked = "callback-booked";
    public const string Transfer = "transfer";
    public const string Goodbye = "goodbye";

    private readonly ConcurrentDictionary<(string, int), Task<short[]>> fixedPrompts = new();
    private readonly ConcurrentDictionary<int, short[]> music = new();

    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "data-seed", "voice", "prompts");

    /// <summary>A fixed prompt at the given rate.</summary>
    public Task<short[]> GetAsync(string name, int sampleRate, CancellationToken cancellationToken) =>
        fixedPrompts.GetOrAdd((name, sampleRate), key => LoadAsync(key.Item1, key.Item2, cancellationToken));

    /// <summary>
    /// Any sentence, identifiers read digit by digit, or null when no engine speaks (the caller then skips it).
    /// <paramref name="cache"/> false for sentences with personal data (a caller's number read back). <paramref name="voice"/>
    /// another voice than Minwon:Voice:Tts:Voice (the callbot's English calls: "en"); digits are read in its language.
    /// </summary>
    public async Task<short[]?> SpeakAsync(string text, int sampleRate, CancellationToken cancellationToken, bool cache = true, string? voice = null)
    {
        voice ??= options.Value.Tts.Voice;
        var spoken = Minwon.Core.Speech.SpokenIdentifiers.ForSpeech(text, voice);
        var engine = cache ? tts : Uncached(tts);
        return await engine.SynthesizeAsync(spoken, voice, cancellationToken) is { } audio
            ? Resample(audio.Samples, audio.SampleRate, sampleRate)
            : null;
    }

    /// <summary>True when some engine is configured to speak sentences (not "none").</summary>
    public bool CanSpeak => tts is not FallbackTextToSpeech { Engines.Count: 0 };

    private static ITextToSpeech Uncached(ITextToSpeech engine) => engine switch
    {
        CachedTextToSpeech cached => cached.Uncached,
        FallbackTextToSpeech chain => new FallbackTextToSpeech([.. chain.Engines.Select(Uncached)]),
        _ => engine,
    };

    public short[] HoldMusicAt(int sampleRate) => music.GetOrAdd(sampleRate, HoldMusic.Render);

    private async Task<short[]> LoadAsync(string name, int sampleRate, CancellationToken cancellationToken)
    {
        var text = Texts[name];
        if (await tts.SynthesizeAsync(text, options.Value.Tts.Voice, cancellationToken) is { } audio)
        {
            return Resample(audio.Samples, audio.SampleRate, sampleRate);
        }

        var (samples, rate, _) = Wav.Read(await File.ReadAllBytesAsync(Path.Combine(ShippedDirectory, name + ".wav"), cancellationToken));
        return Resample(samples, rate, sampleRate);
    }

    /// <summary>A whole clip from one rate to another, through the same frame resampler the calls use.</summary>
    public static short[] Resample(short[] samples, int from, int to)
    {
        if (from == to)
        {
            return samples;
        }

        var resampler = new FrameResampler(from, to);
        var inFrame = Pcm.SamplesPerFrame(from);
        // long: a clip of more than 2^31 / rate samples (under 3 s at 48 kHz) overflowed the capacity in int.
        var output = new List<short>((int)((long)samples.Length * to / from) + Pcm.SamplesPerFrame(to));
        var frame = new short[inFrame];
        for (var i = 0; i < samples.Length; i += inFrame)
        {
            Array.Clear(frame);
            samples.AsSpan(i, Math.Min(inFrame, samples.Length - i)).CopyTo(frame);
            output.AddRange(resampler.Process(frame));
        }

        return [.. output];
    }
}
