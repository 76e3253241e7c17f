using Minwon.Server.Platform;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.IssueAlerting;

/// <summary>Minwon:IssueHolidays, the administrator's extra holidays for the issue detector (issue 13, session 9).</summary>
public sealed class IssueHolidaysSettingTests
{
    [Fact]
    public async Task A_holiday_that_is_not_a_date_is_refused_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Minwon:IssueHolidays:0"] = "2026-06-10", ["Minwon:IssueHolidays:1"] = "2026-13-01" });
        });
        Assert.Contains("Minwon:IssueHolidays holds an entry that is not a date", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "2026-06-10", " ", "2030-06-03" }, true)]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "2026-06-10", "6/10/2026" }, false)]
    [InlineData(new[] { "2026-02-30" }, false)]
    public void Every_entry_must_be_a_date(string[] entries, bool valid) =>
        Assert.Equal(valid, MinwonOptions.AreDates(entries));
}
