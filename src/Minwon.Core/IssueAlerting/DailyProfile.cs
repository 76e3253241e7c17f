namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Daily seasonality of rates: 48 slots (hour of day, weekday or weekend) of exponentially weighted counts, kept with
/// forward decay (Cormode, Shkapenyuk, Srivastava and Xu, "Forward decay: a practical time decay model for streaming
/// systems", ICDE 2009): an item at time t adds exp(λ(t − L)) for a fixed landmark L, so slots never need touching to
/// decay and ratios of slots need no correction. The landmark moves before the weights could overflow.
/// </summary>
internal sealed class DailyProfile(double decayPerTick, long landmarkTicks, int slotCount = DailyProfile.SlotCount)
{
    public const int SlotCount = 48;

    /// <summary>Slots of the weekly profile: hour of the week (issue 13: routine peaks on one weekday).</summary>
    public const int WeekSlotCount = 168;
    private const double RebaseAbove = 1e150;

    public double[] Volume { get; } = new double[slotCount];

    public long LandmarkTicks { get; set; } = landmarkTicks;

    /// <summary>Hour of the day, in the weekend half on Saturdays, Sundays and the calendar's holidays.</summary>
    public static int Slot(DateTimeOffset time, HolidayCalendar holidays) =>
        (holidays.IsRestDay(time) ? 24 : 0) + time.Hour;

    /// <summary>Hour of the week, a weekday holiday read as a Sunday.</summary>
    public static int WeekSlot(DateTimeOffset time, HolidayCalendar holidays) => (int)holidays.DayType(time) * 24 + time.Hour;

    public double Weight(long ticks) => Math.Exp((ticks - LandmarkTicks) * decayPerTick);

    /// <summary>Turns a forward-decayed value into its weight as of <paramref name="ticks"/>.</summary>
    public double Scale(long ticks) => Math.Exp(-(ticks - LandmarkTicks) * decayPerTick);

    public void Add(double[] slots, int slot, long ticks) => slots[slot] += Weight(ticks);

    /// <summary>Moves the landmark to <paramref name="ticks"/> when weights grow large, rescaling every profile given.</summary>
    public void RebaseIfNeeded(long ticks, IEnumerable<double[]> profiles)
    {
        var factor = Weight(ticks);
        if (factor < RebaseAbove)
        {
            return;
        }

        foreach (var slots in profiles.Append(Volume))
        {
            for (var i = 0; i < slots.Length; i++)
            {
                slots[i] /= factor;
            }
        }

        LandmarkTicks = ticks;
    }
}
