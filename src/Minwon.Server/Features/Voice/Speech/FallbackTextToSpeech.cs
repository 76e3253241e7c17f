namespace Minwon.Server.Features.Voice.Speech;

/// <summary>
/// Engines in order of preference: the first that speaks wins (the OpenAI-compatible endpoint, then espeak-ng). When
/// none speaks, callers use the shipped prompts (fixed phrases) or skip the sentence (announcements, the callbot).
/// </summary>
public sealed class FallbackTextToSpeech(IReadOnlyList<ITextToSpeech> engines) : ITextToSpeech
{
    public string Name => string.Join('>', engines.Select(e => e.Name));

    public IReadOnlyList<ITextToSpeech> Engines => engines;

    public async Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        foreach (var engine in engines)
        {
            if (await engine.SynthesizeAsync(text, voice, cancellationToken) is { } audio)
            {
                return audio;
            }
        }

        return null;
    }
}
