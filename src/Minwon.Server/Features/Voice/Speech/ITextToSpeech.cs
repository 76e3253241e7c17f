namespace Minwon.Server.Features.Voice.Speech;

/// <summary>Synthesised speech: mono PCM16 at the engine's rate.</summary>
public sealed record SpeechAudio(short[] Samples, int SampleRate);

/// <summary>
/// Text-to-speech seam: espeak-ng (Korean voice "ko", the default) or an OpenAI-compatible /v1/audio/speech endpoint,
/// cached on disk, with identifiers read digit by digit (<see cref="Minwon.Core.Speech.SpokenIdentifiers"/>). Returns null when the engine
/// cannot speak (not installed, failed): callers fall back to the next engine, then to the shipped prompts.
/// </summary>
public interface ITextToSpeech
{
    /// <summary>What speaks, as part of the cache key ("espeak-ng", "openai:tts-1:alloy").</summary>
    string Name { get; }

    Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken);
}
