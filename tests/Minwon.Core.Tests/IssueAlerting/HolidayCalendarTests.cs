using Minwon.Core.IssueAlerting;

namespace Minwon.Core.Tests.IssueAlerting;

public sealed class HolidayCalendarTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

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
