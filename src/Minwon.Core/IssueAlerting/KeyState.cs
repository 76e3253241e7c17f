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
    /// The largest count this key reached in the longest window within the last week or so, and when (issue 13, session
    /// 6): a district's weekly routine is expected again at the same hour a week later.
    /// </summary>
    public int PeakCount { get; set; }

    public long PeakTicks { get; set; }

    /// <summary>The last notable peak (at least the minimum count) of an earlier day, kept while later days stay quiet.</summary>
    public int PreviousPeakCount { get; set; }

    public long PreviousPeakTicks { get; set; }

    /// <summary>
    /// Tracks the day's largest window count; when a new day's episode begins, a notable peak (or any, once the previous
    /// one is older than <paramref name="memoryTicks"/>) becomes the previous peak.
    /// </summary>
    public void NotePeak(int count, long ticks, int notable, long memoryTicks)
    {
        if (ticks - PeakTicks > TimeSpan.TicksPerDay)
        {
            if (PeakCount >= notable || ticks - PreviousPeakTicks > memoryTicks)
            {
                (PreviousPeakCount, PreviousPeakTicks) = (PeakCount, PeakTicks);
            }

            (PeakCount, PeakTicks) = (count, ticks);
        }
        else if (count > PeakCount)
        {
            (PeakCount, PeakTicks) = (count, ticks);
        }
    }

    public void Restore(double count, long lastTicks)
    {
        Count = count;
        LastTicks = lastTicks;
    }

    public bool IsIdle => Array.TrueForAll(WindowCounts, count => count == 0);
}
