namespace Minwon.Server.Features.Video;

/// <summary>Settings under "Minwon:Video"; see README "Settings" and docs/video.md.</summary>
public sealed class VideoOptions
{
    public const string Section = "Minwon:Video";

    /// <summary>Off: the 수어 상담 entry answers 503 and the page says so.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>STUN servers handed to both browsers, e.g. "stun:turn.city.example:3478". Empty: none.</summary>
    public string[] StunUrls { get; set; } = [];

    /// <summary>TURN servers (coturn), e.g. "turn:turn.city.example:3478?transport=udp", "turns:turn.city.example:5349".</summary>
    public string[] TurnUrls { get; set; } = [];

    /// <summary>coturn's static-auth-secret (use-auth-secret). Empty: TURN URLs are not handed out (no credential to give).</summary>
    public string TurnSecret { get; set; } = "";

    /// <summary>How long an issued TURN credential stays valid (coturn refuses it afterwards; a running relay keeps going).</summary>
    public int CredentialSeconds { get; set; } = 3600;

    /// <summary>Both browsers use only TURN relays (hides the citizen's address from the counsellor's browser and back).</summary>
    public bool RelayOnly { get; set; }

    /// <summary>Counsellors may record a video call after the citizen agrees (docs/video.md "Recording"). Off by default.</summary>
    public bool Recording { get; set; }

    /// <summary>
    /// Seconds after the call's end in which the counsellor's last recording chunk is still taken (the recorder's last
    /// slice is uploaded while or just after the call ends); never after. 0–300.
    /// </summary>
    public int RecordingGraceSeconds { get; set; } = 30;

    /// <summary>Minutes without a chunk after which a recording's writer (its key and file end, held in memory) is dropped.</summary>
    public int RecordingWriterIdleMinutes { get; set; } = 10;
}
