namespace Minwon.Core.IssueAlerting;

/// <summary>
/// One hashed key (term or category, city-wide or in a district): its exponentially weighted past count, decayed
/// lazily to the time it is read, and its count in each detection window.
/// </summary>
internal sealed class KeyState(string label, KeyKind kind, int district, int windows, KeyState? parent)
{
    public string Label { get; } = label;

    public KeyKind Kind { get; } = kind;

    /// <summary>Index into the district list, or -1 for city-wide.</summary>
    public int District { get; } = district;

    /// <summary>The city-wide key of the same term or category, whose rate is the prior of a district key.</summary>
    public KeyState? Parent { get; } = parent;

    public int[] WindowCounts { get; } = new int[windows];

    public double Count { get; private set; }

    public long LastTicks { get; private set; }

    public double CountAt(long ticks, double decayPerTick) =>
        Count == 0 ? 0 : Count * Math.Exp(-(ticks - LastTicks) * decayPerTick);

    public void Add(long ticks, double decayPerTick)
    {
        Count = CountAt(ticks, decayPerTick) + 1;
        LastTicks = ticks;
    }

    /// <summary>
    /// City-wide keys only: forward-decayed counts per daily slot (see <see cref="DailyProfile"/>), so a term that is
    /// always busier at 8 a.m. on weekdays is expected to be.
    /// </summary>
    public double[]? Slots { get; set; }

    /// <summary>City-wide keys only: forward-decayed counts per hour of the week, with a longer memory (issue 13).</summary>
    public double[]? WeekSlots { get; set; }

    /// <summary>
    /// The key's peaks of the last week or so, hour by hour (issue 13, session 7): a routine of the same hour yesterday,
    /// on recent days or a week ago is expected again. Null until the key first reaches the minimum count.
    /// </summary>
    public PeakMemory? Peaks { get; set; }

    /// <summary>The hour <see cref="RoutineShares"/> was computed for (they change only when the hour does).</summary>
    public int RoutineHour { get; set; } = int.MinValue;

    /// <summary>Per window, the share of contacts the key's routine at this hour holds (see IssueDetector.Routine).</summary>
    public double[]? RoutineShares { get; set; }

    public void Restore(double count, long lastTicks)
    {
        Count = count;
        LastTicks = lastTicks;
    }

    public bool IsIdle => Array.TrueForAll(WindowCounts, count => count == 0);
}
