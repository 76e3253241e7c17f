namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>Settings under "Minwon:Callbot"; see README "Settings" and docs/speech.md.</summary>
public sealed class CallbotOptions
{
    public const string Section = "Minwon:Callbot";

    /// <summary>Off by default: calls go straight to the queue, as before the callbot.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Which calls the callbot answers, per dialled line and time of day (city time, Minwon:Chat:TimeZone). Empty: every
    /// call at every hour. A call is served when any rule matches.
    /// </summary>
    public List<CallbotLine> Lines { get; set; } = [];

    /// <summary>Seconds of silence after a prompt before it counts as no input.</summary>
    public int NoInputSeconds { get; set; } = 7;

    /// <summary>Reprompts after no input or no match (per menu); one more failure hands the call to a counsellor.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Seconds the callbot waits for the transcript of speech it heard (the engine's time) before it reprompts.</summary>
    public int SpeechWaitSeconds { get; set; } = 8;

    /// <summary>Current notices from the issue alerter read before the menu (at most this many; 0 reads none).</summary>
    public int Notices { get; set; } = 2;

    /// <summary>The text-to-speech voice for English calls (espeak-ng "en"); Korean calls use Minwon:Voice:Tts:Voice.</summary>
    public string EnglishVoice { get; set; } = "en";
}

/// <summary>
/// A line the callbot answers: the dialled number ("120", "*" for any, "webcall" for calls from the browser) between
/// <see cref="From"/> and <see cref="To"/> (HH:mm, city time; To before From spans midnight; "00:00"-"24:00" all day),
/// spoken in <see cref="Language"/>.
/// </summary>
public sealed class CallbotLine
{
    public string Number { get; set; } = "*";

    public string From { get; set; } = "00:00";

    public string To { get; set; } = "24:00";

    /// <summary>"ko" (the default when empty) or "en": the callbot's sentences, the tree's prompts and the voice. A web
    /// call from a page in English or Korean follows the page instead.</summary>
    public string? Language { get; set; }
}
