namespace Minwon.Server.Features.Quality;

public sealed class QualityOptions
{
    public const string Section = "Minwon:Quality";

    /// <summary>Score closed consultations (the <c>quality</c> event consumer; it runs on the node holding its lease).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Contacts of the same citizen abandoned this long before a consultation count as failed attempts.</summary>
    public int AbandonedWithinMinutes { get; set; } = 120;
}
