namespace Minwon.Server.Platform;

/// <summary>Settings under "Minwon" in configuration; see README "Settings".</summary>
public sealed class MinwonOptions
{
    public const string Section = "Minwon";

    /// <summary>Where the SQLite database, search index and keys live. Relative paths are resolved against the working directory.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Seed demo staff accounts and sample data at start (on by default in Development).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Extra days (yyyy-MM-dd) the issue detector reads as Sundays, besides the Korean public holidays it knows
    /// (an election day, a temporary holiday); see docs/issues.md. Checked at start: an entry that is not a date stops it.
    /// </summary>
    public string[] IssueHolidays { get; set; } = [];

    public string ResolvedDataDir => Path.GetFullPath(DataDir);

    /// <summary>Whether every entry is a date (yyyy-MM-dd): a bad <see cref="IssueHolidays"/> entry stops the start.</summary>
    public static bool AreDates(IEnumerable<string> entries)
    {
        try
        {
            Minwon.Core.IssueAlerting.HolidayCalendar.ParseDays(entries);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
