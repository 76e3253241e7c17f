namespace Minwon.Core.IssueAlerting;

/// <summary>A kind of incident the generator injects: its 120 category, whether it is city-wide, the words that identify it and how citizens report it.</summary>
public sealed record IncidentType(string Name, string Category, bool CityWide, IReadOnlyList<string> Terms, IReadOnlyList<string> Texts);
