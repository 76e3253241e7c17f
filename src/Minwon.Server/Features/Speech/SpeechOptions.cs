namespace Minwon.Server.Features.Speech;

/// <summary>Settings under "Minwon:Speech"; see README "Settings" and docs/speech.md.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Minwon:Speech";

    /// <summary>
    /// Speech-to-text engine of this installation: "none" (no transcript; the callbot takes keys only), "whisper"
    /// (Whisper.net with <see cref="WhisperOptions.ModelPath"/>), "openai" (an OpenAI-compatible
    /// /v1/audio/transcriptions endpoint) or "pushed" (an existing STT system posts segments through the API).
    /// </summary>
    public string Engine { get; set; } = "none";

    /// <summary>Language of the calls; Whisper is forced to it, the OpenAI-compatible engine is told it.</summary>
    public string Language { get; set; } = "ko";

    /// <summary>Utterances of one call that may wait for the engine; beyond that the oldest is dropped (and counted).</summary>
    public int QueuePerCall { get; set; } = 6;

    /// <summary>Utterances transcribed at the same time on this node (Whisper runs on the CPU).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>An engine that has not answered an utterance in this time has failed it; the call goes on.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Longest utterance sent at once (engines take about 30 s); longer speech is cut.</summary>
    public int MaxUtteranceSeconds { get; set; } = 25;

    /// <summary>Audio kept before and after an utterance's detected edges, so the engine hears its first and last sounds.</summary>
    public int PaddingMilliseconds { get; set; } = 200;

    /// <summary>Transcribe the counsellor's side too (the quality scorer reads both speakers).</summary>
    public bool TranscribeCounsellor { get; set; } = true;

    /// <summary>Key an outside STT system presents (X-Api-Key) to push segments; empty refuses every push.</summary>
    public string PushApiKey { get; set; } = "";

    public WhisperOptions Whisper { get; set; } = new();

    public OpenAiSpeechOptions OpenAi { get; set; } = new();

    public bool Transcribes => Engine is "whisper" or "openai" or "pushed";
}

public sealed class WhisperOptions
{
    /// <summary>A ggml model file (e.g. ggml-small.bin) the administrator provides; nothing is downloaded.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>CPU threads per utterance.</summary>
    public int Threads { get; set; } = 2;
}

public sealed class OpenAiSpeechOptions
{
    /// <summary>Full address of the transcription endpoint, e.g. http://stt.internal:8000/v1/audio/transcriptions.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as "Authorization: Bearer KEY" when set.</summary>
    public string ApiKey { get; set; } = "";

    public string Model { get; set; } = "whisper-1";
}
