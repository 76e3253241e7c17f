namespace Minwon.Core.Quality;

/// <summary>
/// One checklist item of a scorecard. Built-in items name a check the scorer implements (<see cref="BuiltInItems"/>)
/// and always belong to that check's area; custom items (<see cref="ItemKind.Forbidden"/>, <see cref="ItemKind.Required"/>)
/// look for the administrator's phrases in the counsellor's words. A failed critical item zeroes its area.
/// </summary>
public sealed record ScorecardItem
{
    public required string Id { get; init; }

    public QualityArea Area { get; init; }

    public double Weight { get; init; } = 1;

    public bool Critical { get; init; }

    public bool Enabled { get; init; } = true;

    public ItemKind Kind { get; init; } = ItemKind.BuiltIn;

    /// <summary>Korean label shown on screens.</summary>
    public string Label { get; init; } = "";

    /// <summary>For custom items: phrases matched in the counsellor's words with spaces and punctuation ignored.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];
}

public enum ItemKind
{
    BuiltIn,

    /// <summary>Fails when the counsellor says any of the phrases.</summary>
    Forbidden,

    /// <summary>Fails when the counsellor says none of the phrases.</summary>
    Required,
}
