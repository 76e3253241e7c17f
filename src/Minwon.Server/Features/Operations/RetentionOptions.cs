namespace Minwon.Server.Features.Operations;

/// <summary>
/// Settings under "Minwon:Retention": days each kind of data is kept after it was made, 0 keeping it. Only data of
/// finished conversations goes. The personal-data access log is never purged here: it is hash-chained evidence, kept
/// at least two years by law and, in this release, for good (docs/operations.md).
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

    /// <summary>Photos citizens attached in the visual ARS.</summary>
    public int UploadsDays { get; set; }

    /// <summary>Run the daily purge on this node (one node at a time, behind the <c>retention</c> lease).</summary>
    public bool Enabled { get; set; } = true;
}
