using Minwon.Core.Platform;

namespace Minwon.Core.IssueAlerting;

/// <summary>The 120 category taxonomy, read from the CSV embedded from data-seed/ (districts: <see cref="Reference.SeoulPlaces"/>).</summary>
public static class SeoulReference
{
    private static readonly Lazy<IReadOnlyList<(string Major, string Minor, string[] Keywords)>> CategoryRows = new(() =>
        EmbeddedData.ReadLines("seoul120_categories.csv").Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 3)
            .Select(cells => (cells[0].Trim(), cells[1].Trim(), cells[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList());

    public static IReadOnlyList<(string Major, string Minor, string[] Keywords)> Categories => CategoryRows.Value;
}
