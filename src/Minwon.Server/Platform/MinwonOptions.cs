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
    /// (an election day, a temporary holiday); see docs/issues.md.
    /// </summary>
    public string[] IssueHolidays { get; set; } = [];

    public string ResolvedDataDir => Path.GetFullPath(DataDir);
}
