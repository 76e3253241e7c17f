namespace Minwon.Server.Features.Quality;

public sealed class QualityOptions
{
    public const string Section = "Minwon:Quality";

    /// <summary>Score closed consultations on this node (reads the event log by cursor).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between looks at the event log when it is read to its end.</summary>
    public int IntervalSeconds { get; set; } = 2;

    /// <summary>Contacts of the same citizen abandoned this long before a consultation count as failed attempts.</summary>
    public int AbandonedWithinMinutes { get; set; } = 120;
}
