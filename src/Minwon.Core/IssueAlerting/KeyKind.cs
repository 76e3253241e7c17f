namespace Minwon.Core.IssueAlerting;

/// <summary>What a detector key counts. Term and category keys exist city-wide and per district.</summary>
public enum KeyKind : byte
{
    Term = 1,
    Category = 2,
    DistrictVolume = 3,
}
