namespace Minwon.Server.Features.Speech;

/// <summary>One utterance to transcribe: mono PCM16 at its rate.</summary>
public sealed record SpeechClip(short[] Samples, int SampleRate, string Language);

/// <summary>What an engine heard; an empty text means it heard no words.</summary>
public sealed record Recognition(string Text);

/// <summary>
/// Speech-to-text seam, one engine per installation (<see cref="SpeechOptions.Engine"/>): Whisper.net with a local
/// model, an OpenAI-compatible HTTP endpoint, or none here because an outside system pushes its segments. Throws
/// <see cref="SpeechEngineException"/> when it cannot answer (down, timed out, an answer that is not a transcript).
/// </summary>
public interface ISpeechToText
{
    /// <summary>"whisper", "openai"; shown to staff and written with each segment.</summary>
    string Name { get; }

    Task<Recognition> TranscribeAsync(SpeechClip clip, CancellationToken cancellationToken);
}

/// <summary>The engine failed this utterance; the reason is for the log (no transcript text in it).</summary>
public sealed class SpeechEngineException(string message, Exception? inner = null) : Exception(message, inner);
