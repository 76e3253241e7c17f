namespace Minwon.Core.IssueAlerting;

/// <summary>
/// An emerging issue, raised once per issue. <see cref="Count"/> is the number of contacts behind the alert in the
/// detection window, <see cref="Baseline"/> the count expected there from the learned rates, and <see cref="Score"/> the
/// significance as a z-score (the normal quantile of the tail probability). Category and district are null when the
/// contacts are not concentrated on one.
/// </summary>
public sealed record IssueAlert(
    DateTimeOffset DetectedAt,
    IReadOnlyList<string> Terms,
    string? Category,
    string? District,
    int Count,
    double Baseline,
    double Score);
