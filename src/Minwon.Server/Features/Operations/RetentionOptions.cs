namespace Minwon.Server.Features.Operations;

/// <summary>
/// Settings under "Minwon:Retention": days each kind of data is kept after it was made, 0 keeping it. Only data of
/// finished conversations goes. The personal-data access log is kept for good unless <see cref="AccessLogDays"/> is set,
/// and never less than two years (docs/operations.md).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Minwon:Retention";

    /// <summary>Chat and messenger messages (text of closed conversations); cases keep their summary.</summary>
    public int MessagesDays { get; set; }

    /// <summary>Transcripts: the messages of phone and web-call conversations.</summary>
    public int TranscriptsDays { get; set; }

    /// <summary>Call recordings (the file and its key; the row keeps the fact that there was one).</summary>
    public int RecordingsDays { get; set; } = 365;

    /// <summary>Consented recordings of sign-language video calls (each part's file and key; the row keeps the fact that there was one).</summary>
    public int VideoRecordingsDays { get; set; } = 365;

    /// <summary>Photos citizens attached in the visual ARS.</summary>
    public int UploadsDays { get; set; }

    /// <summary>
    /// The personal-data access log (개인정보 접속기록): 0 keeps it for good; otherwise at least
    /// <see cref="MinimumAccessLogDays"/> (two years, the safety-measure standard's minimum). Its purge leaves an anchor
    /// entry, so the hash chain still verifies.
    /// </summary>
    public int AccessLogDays { get; set; }

    public const int MinimumAccessLogDays = 730;

    /// <summary>Run the daily purge on this node (one node at a time, behind the <c>retention</c> lease).</summary>
    public bool Enabled { get; set; } = true;
}
