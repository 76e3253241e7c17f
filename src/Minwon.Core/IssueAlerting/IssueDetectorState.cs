namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Everything an <see cref="IssueDetector"/> has learned, as plain data for System.Text.Json, so a server can save it on
/// shutdown and resume without a new warm-up or repeated alerts. Restore it with the same options and districts.
/// </summary>
public sealed record IssueDetectorState(
    int Version,
    long FirstTicks,
    long NowTicks,
    int NowSlot,
    long NextPruneTicks,
    long Sequence,
    int BaselineEvents,
    double Volume,
    long VolumeTicks,
    long LandmarkTicks,
    double[] SlotVolume,
    IReadOnlyList<IssueDetectorState.Weight> DistrictVolume,
    IReadOnlyList<IssueDetectorState.Key> Keys,
    IReadOnlyList<IssueDetectorState.Contact> Contacts,
    int[] WindowSizes,
    IReadOnlyList<IssueDetectorState.Issue> Issues,
    IReadOnlyList<IssueDetectorState.Seen> Recent,
    long WeekLandmarkTicks = 0,
    double[]? WeekSlotVolume = null)
{
    public const int CurrentVersion = 1;

    public sealed record Weight(double Count, long LastTicks);

    /// <summary><see cref="WeekSlots"/> is absent in states saved before the weekly profile (issue 13); it then starts empty.
    /// <see cref="Peaks"/> (the key's hourly peaks of the last week, issue 13 session 7: per entry the hour, then per window
    /// the largest count and the window's total) is absent in older states, whose two-peak memory of session 6 is not
    /// read: the routine is learnt again within a day.</summary>
    public sealed record Key(byte Kind, int District, string Label, double Count, long LastTicks, double[]? Slots, double[]? WeekSlots = null, int[]? Peaks = null);

    /// <summary>A contact still in the longest window; <see cref="Keys"/> index <see cref="IssueDetectorState.Keys"/>.</summary>
    public sealed record Contact(long Sequence, DateTimeOffset Time, string Text, string? Category, int District, int[] Keys);

    public sealed record IssueKey(int Key, double Score, bool Specific);

    /// <summary>
    /// <see cref="Vocabulary"/> and <see cref="Categories"/> (per word and category, how many of the issue's contacts used
    /// it over its life) are absent in states saved before session 9's review; they are then relearnt from the contacts
    /// still in the window.
    /// </summary>
    public sealed record Issue(
        IssueAlert Alert,
        string? TopCategory,
        long CreatedTicks,
        long LastSignificantTicks,
        long[] Contacts,
        IReadOnlyList<IssueKey> Keys,
        IReadOnlyDictionary<string, int>? Vocabulary = null,
        IReadOnlyDictionary<string, int>? Categories = null);

    public sealed record Seen(long Ticks, string Text, string? District, string? Channel);
}
