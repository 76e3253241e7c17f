namespace Minwon.Core.IssueAlerting;

/// <summary>Ground truth of one generated incident: when it began and ended, where (null when city-wide), its category, identifying terms and size in contacts.</summary>
public sealed record InjectedIncident(
    string Type,
    DateTimeOffset Onset,
    DateTimeOffset End,
    string? District,
    string Category,
    IReadOnlyList<string> Terms,
    int Size);
