namespace Minwon.Server.Features.Voice;

/// <summary>Settings under "Minwon:Voice"; see README "Settings" and docs/voice.md.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Minwon:Voice";

    public bool Enabled { get; set; } = true;

    /// <summary>Key the PBX or carrier presents (X-Api-Key, ?key= or customParameters.key). Empty: those APIs refuse every call.</summary>
    public string ApiKey { get; set; } = "";

    public AudioSocketOptions AudioSocket { get; set; } = new();

    /// <summary>Playout buffer of network legs, in 20 ms frames.</summary>
    public int JitterMaxFrames { get; set; } = 10;

    public int JitterPrefillFrames { get; set; } = 1;

    /// <summary>Frames a leg may have waiting to be sent before its oldest are dropped (a peer that stops reading).</summary>
    public int OutboundQueueFrames { get; set; } = 25;

    /// <summary>How many chats a counsellor may hold while on a call (a call is never offered beside another call).</summary>
    public int ChatsDuringCall { get; set; }

    /// <summary>Place in queue and expected wait are spoken this often while a caller waits.</summary>
    public int PositionIntervalSeconds { get; set; } = 30;

    /// <summary>A callback (콜백 예약) is offered once the expected wait passes this.</summary>
    public int CallbackOfferSeconds { get; set; } = 120;

    /// <summary>Expected wait per caller ahead when no handled call today gives a better figure.</summary>
    public int DefaultHandleSeconds { get; set; } = 180;

    /// <summary>Service-level target of the voice wallboard figures (answered within this many seconds).</summary>
    public int ServiceLevelSeconds { get; set; } = 20;

    /// <summary>Dialled number (the announcement's "to") that connects the caller to an echo of their own voice: a line check.</summary>
    public string EchoNumber { get; set; } = "echo";

    public TtsOptions Tts { get; set; } = new();
}

public sealed class AudioSocketOptions
{
    /// <summary>host:port of the AudioSocket TCP listener; empty turns it off.</summary>
    public string Listen { get; set; } = "127.0.0.1:9092";

    /// <summary>Largest frame payload accepted; a larger length field ends the connection.</summary>
    public int MaxPayloadBytes { get; set; } = 8192;

    /// <summary>Seconds a new connection may take to send its UUID frame.</summary>
    public int UuidTimeoutSeconds { get; set; } = 10;
}

public sealed class TtsOptions
{
    /// <summary>
    /// "espeak-ng" (default), "openai" (an OpenAI-compatible /v1/audio/speech endpoint, espeak-ng when it fails) or
    /// "none". When no engine speaks, the shipped prompts play and spoken sentences are skipped.
    /// </summary>
    public string Engine { get; set; } = "espeak-ng";

    public string Command { get; set; } = "espeak-ng";

    /// <summary>espeak-ng voice.</summary>
    public string Voice { get; set; } = "ko";

    public OpenAiSpeechSynthesisOptions OpenAi { get; set; } = new();
}

public sealed class OpenAiSpeechSynthesisOptions
{
    /// <summary>Full address, e.g. http://tts.internal:8000/v1/audio/speech.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as "Authorization: Bearer KEY" when set.</summary>
    public string ApiKey { get; set; } = "";

    public string Model { get; set; } = "tts-1";

    /// <summary>The endpoint's voice name.</summary>
    public string Voice { get; set; } = "alloy";

    public int TimeoutSeconds { get; set; } = 10;
}
