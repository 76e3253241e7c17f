namespace Minwon.Core.IssueAlerting;

/// <summary>What a detector key counts. Term and category keys exist city-wide and per district.</summary>
public enum KeyKind : byte
{
    Term = 1,
    Category = 2,
    DistrictVolume = 3,

    /// <summary>
    /// Contacts of one category whose words are new to the baseline (issue 13, session 6): an incident described in
    /// many different words, none frequent on its own, still raises this count. The label is the category.
    /// </summary>
    NewWording = 4,
}
