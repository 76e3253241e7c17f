namespace Minwon.Server.Features.Voice.Speech;

/// <summary>Synthesised speech: mono PCM16 at the engine's rate.</summary>
public sealed record SpeechAudio(short[] Samples, int SampleRate);

/// <summary>
/// Text-to-speech seam. The default is espeak-ng (Korean voice "ko"); an OpenAI-compatible speech engine and digit
/// reading plug in here later. Returns null when the engine cannot speak (not installed, failed): callers fall back to
/// the shipped prompts.
/// </summary>
public interface ITextToSpeech
{
    Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken);
}
