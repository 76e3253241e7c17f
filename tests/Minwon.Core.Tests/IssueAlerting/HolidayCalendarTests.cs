using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class HolidayCalendarTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    /// <summary>
    /// Every public holiday of 2024-2027 as the official gazette lists them (관보; the list the holidays-kr package
    /// publishes), substitute and temporary days included: the calendar must hold exactly these, no more, no fewer.
    /// </summary>
    private static readonly string[] Gazette2024To2027 =
    [
        "2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-03-01", "2024-04-10", "2024-05-05",
        "2024-05-06", "2024-05-15", "2024-06-06", "2024-08-15", "2024-09-16", "2024-09-17", "2024-09-18", "2024-10-01",
        "2024-10-03", "2024-10-09", "2024-12-25",
        "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-01", "2025-03-03", "2025-05-05",
        "2025-05-06", "2025-06-03", "2025-06-06", "2025-08-15", "2025-10-03", "2025-10-05", "2025-10-06", "2025-10-07",
        "2025-10-08", "2025-10-09", "2025-12-25",
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-01", "2026-03-02", "2026-05-01", "2026-05-05",
        "2026-05-24", "2026-05-25", "2026-06-03", "2026-06-06", "2026-07-17", "2026-08-15", "2026-08-17", "2026-09-24",
        "2026-09-25", "2026-09-26", "2026-10-03", "2026-10-05", "2026-10-09", "2026-12-25",
        "2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-03-01", "2027-05-01", "2027-05-03",
        "2027-05-05", "2027-05-13", "2027-06-06", "2027-07-17", "2027-07-19", "2027-08-15", "2027-08-16", "2027-09-14",
        "2027-09-15", "2027-09-16", "2027-10-03", "2027-10-04", "2027-10-09", "2027-10-11", "2027-12-25", "2027-12-27",
    ];

    [Theory]
    [InlineData("2026-12-25")] // 성탄절
    [InlineData("2027-01-01")] // 신정
    [InlineData("2026-09-25")] // 추석
    [InlineData("2026-02-17")] // 설날
    [InlineData("2026-05-25")] // 부처님오신날 (Sunday) substituted on Monday
    [InlineData("2026-10-05")] // 개천절 (Saturday) substituted on Monday
    public void Knows_the_Korean_public_holidays(string day) =>
        Assert.True(HolidayCalendar.Korea.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Holds_exactly_the_gazette_holidays_of_2024_to_2027()
    {
        var gazette = Gazette2024To2027.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var calendar = HolidayCalendar.Korea.Days.Where(d => d.Year <= 2027).ToHashSet();
        Assert.Empty(gazette.Except(calendar));
        Assert.Empty(calendar.Except(gazette));
    }

    [Theory]
    [InlineData("2028-01-27")] // 설날 (KASI's lunar calendar: the 26th-28th)
    [InlineData("2028-10-05")] // 추석 on 개천절, substituted
    [InlineData("2029-05-21")] // 부처님오신날 (Sunday) substituted on Monday
    [InlineData("2029-09-24")] // 추석 (Sunday) substituted
    [InlineData("2030-02-05")] // 설날 (Sunday) substituted
    [InlineData("2030-05-09")] // 부처님오신날
    public void Knows_the_lunar_holidays_after_the_gazette(string day) =>
        Assert.True(HolidayCalendar.Korea.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_weekday_holiday_is_a_rest_day_read_as_a_Sunday_and_an_ordinary_weekday_is_not()
    {
        var christmas = new DateTimeOffset(2026, 12, 25, 10, 0, 0, Seoul);
        var dayAfter = christmas.AddDays(-1);

        Assert.True(HolidayCalendar.Korea.IsRestDay(christmas));
        Assert.Equal(DayOfWeek.Sunday, HolidayCalendar.Korea.DayType(christmas));
        Assert.False(HolidayCalendar.Korea.IsRestDay(dayAfter));
        Assert.Equal(DayOfWeek.Thursday, HolidayCalendar.Korea.DayType(dayAfter));
        Assert.Equal(DayOfWeek.Friday, HolidayCalendar.None.DayType(christmas));
        Assert.True(HolidayCalendar.None.IsRestDay(christmas.AddDays(1)));
    }

    [Fact]
    public void The_day_is_the_local_day_of_the_time_not_the_UTC_day()
    {
        // 00:30 in Seoul on Christmas is still the 24th in UTC.
        Assert.True(HolidayCalendar.Korea.IsRestDay(new DateTimeOffset(2026, 12, 25, 0, 30, 0, Seoul)));
        Assert.False(HolidayCalendar.Korea.IsRestDay(new DateTimeOffset(2026, 12, 24, 23, 30, 0, Seoul)));
    }

    [Fact]
    public void An_administrator_adds_days_and_a_typo_is_refused_with_the_entry_named()
    {
        var election = HolidayCalendar.Korea.With(HolidayCalendar.ParseDays(["2026-06-10", " "]));
        Assert.True(election.IsHoliday(new DateOnly(2026, 6, 10)));
        Assert.False(HolidayCalendar.Korea.IsHoliday(new DateOnly(2026, 6, 10)));

        var error = Assert.Throws<FormatException>(() => HolidayCalendar.ParseDays(["2026-13-01"]));
        Assert.Contains("2026-13-01", error.Message, StringComparison.Ordinal);
    }
}
