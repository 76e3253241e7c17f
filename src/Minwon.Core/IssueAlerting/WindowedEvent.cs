namespace Minwon.Core.IssueAlerting;

/// <summary>An accepted event while it is inside the detection windows, with the keys it counted towards.</summary>
internal sealed class WindowedEvent(long sequence, DateTimeOffset time, string text, string? category, int district, KeyState[] keys)
{
    public long Sequence { get; } = sequence;

    public DateTimeOffset Time { get; } = time;

    /// <summary>Kept only while in the window, to spell multi-syllable terms out of bigrams for the alert.</summary>
    public string Text { get; } = text;

    public string? Category { get; } = category;

    public int District { get; } = district;

    public KeyState[] Keys { get; } = keys;
}
