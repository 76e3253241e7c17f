namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Days on which the city behaves like a Sunday though the calendar says otherwise (issue 13, session 9): the detector
/// reads them with the weekend's hour-of-day profile and Sunday's hour-of-the-week slots, and compares them with the
/// last Sunday or holiday rather than with the weekdays before. <see cref="Korea"/> holds the Korean public holidays
/// (관공서의 공휴일에 관한 규정) of 2024-2030, lunar ones and substitute days (대체공휴일) included, 노동절 and 제헌절 from
/// 2026; an administrator adds others (an election day, a temporary holiday) with <see cref="With"/>.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> days;

    public HolidayCalendar(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        this.days = [.. days];
    }

    /// <summary>No holidays: only Saturdays and Sundays are weekend days.</summary>
    public static HolidayCalendar None { get; } = new([]);

    /// <summary>Korean public holidays 2024-2030 (fixed-date, lunar and substitute days).</summary>
    public static HolidayCalendar Korea { get; } = new(KoreanPublicHolidays());

    public IReadOnlyCollection<DateOnly> Days => days;

    /// <summary>This calendar with <paramref name="extra"/> days added.</summary>
    public HolidayCalendar With(IEnumerable<DateOnly> extra) => new(days.Concat(extra));

    public bool IsHoliday(DateOnly day) => days.Contains(day);

    /// <summary>Whether the local day of <paramref name="time"/> (in its own offset) is a Saturday, Sunday or holiday.</summary>
    public bool IsRestDay(DateTimeOffset time) =>
        time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.Contains(DateOnly.FromDateTime(time.DateTime));

    /// <summary>The local day of week, with a weekday holiday read as a Sunday.</summary>
    public DayOfWeek DayType(DateTimeOffset time) =>
        days.Contains(DateOnly.FromDateTime(time.DateTime)) ? DayOfWeek.Sunday : time.DayOfWeek;

    /// <summary>
    /// Parses an administrator's list of extra days ("2026-06-03", one per entry). Throws <see cref="FormatException"/>
    /// naming the first entry that is not a date, so a typo is not silently ignored.
    /// </summary>
    public static IReadOnlyList<DateOnly> ParseDays(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new List<DateOnly>();
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (!DateOnly.TryParseExact(entry.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                throw new FormatException($"Not a holiday date (yyyy-MM-dd): \"{entry}\".");
            }

            result.Add(day);
        }

        return result;
    }

    private static IEnumerable<DateOnly> KoreanPublicHolidays()
    {
        // Fixed-date holidays: 신정, 삼일절, 어린이날, 현충일, 광복절, 개천절, 한글날, 성탄절.
        (int Month, int Day)[] fixedDays = [(1, 1), (3, 1), (5, 5), (6, 6), (8, 15), (10, 3), (10, 9), (12, 25)];
        for (var year = 2024; year <= 2030; year++)
        {
            foreach (var (month, day) in fixedDays)
            {
                yield return new DateOnly(year, month, day);
            }
        }

        // 노동절 (May 1) and 제헌절 (July 17, again) are public holidays from 2026 (official gazette); in 2027 both fall on
        // Saturdays and have substitute days.
        for (var year = 2026; year <= 2030; year++)
        {
            yield return new DateOnly(year, 5, 1);
            yield return new DateOnly(year, 7, 17);
        }

        // Lunar holidays (설날 and 추석 with the days either side, 부처님오신날) and substitute days, as announced; the lunar
        // dates checked against the Korean lunar calendar (KASI) for every year, 2024-2027 against the gazette's list.
        string[] lunarAndSubstitute =
        [
            "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-04-10", "2024-05-06", "2024-05-15",
            "2024-09-16", "2024-09-17", "2024-09-18", "2024-10-01",
            "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-03", "2025-05-06", "2025-06-03",
            "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02", "2026-05-24", "2026-05-25", "2026-06-03",
            "2026-08-17", "2026-09-24", "2026-09-25", "2026-09-26", "2026-10-05",
            "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-05-03", "2027-05-13", "2027-07-19", "2027-08-16",
            "2027-09-14", "2027-09-15", "2027-09-16", "2027-10-04", "2027-10-11", "2027-12-27",
            "2028-01-26", "2028-01-27", "2028-01-28", "2028-04-12", "2028-05-02", "2028-10-02", "2028-10-03", "2028-10-04", "2028-10-05",
            "2029-02-12", "2029-02-13", "2029-02-14", "2029-05-07", "2029-05-20", "2029-05-21", "2029-09-21", "2029-09-22",
            "2029-09-23", "2029-09-24",
            "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05", "2030-05-06", "2030-05-09",
            "2030-09-11", "2030-09-12", "2030-09-13",
        ];
        foreach (var day in ParseDays(lunarAndSubstitute))
        {
            yield return day;
        }
    }
}
