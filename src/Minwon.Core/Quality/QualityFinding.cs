namespace Minwon.Core.Quality;

/// <summary>
/// One checklist item's outcome. <see cref="Turn"/> is the index of the turn in the input (as given, before any
/// reordering) that holds the evidence, or null when the item is about something absent or about the record.
/// <see cref="Evidence"/> is a short excerpt of that turn's text.
/// </summary>
public sealed record QualityFinding(QualityArea Area, string Item, int? Turn, bool Passed, string? Evidence = null);
