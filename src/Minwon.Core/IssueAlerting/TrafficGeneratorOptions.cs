namespace Minwon.Core.IssueAlerting;

/// <summary>Options of <see cref="TrafficGenerator"/>. The start defaults to a Monday midnight in Seoul time.</summary>
public sealed record TrafficGeneratorOptions
{
    public int Days { get; init; } = 14;

    public int Seed { get; init; } = 1;

    /// <summary>Average contacts per day over a week (Seoul 120 answers about 20,000).</summary>
    public int PerDay { get; init; } = 20_000;

    public int Incidents { get; init; } = 8;

    public DateTimeOffset Start { get; init; } = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>No incident starts before this much of the stream has passed (the detector's warm-up).</summary>
    public TimeSpan QuietStart { get; init; } = TimeSpan.FromDays(1);
}
