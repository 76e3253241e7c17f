using Minwon.Core.Platform;

namespace Minwon.Core.IssueAlerting;

/// <summary>The 25 Seoul districts and the 120 category taxonomy, read from the CSVs embedded from data-seed/.</summary>
public static class SeoulReference
{
    private static readonly Lazy<IReadOnlyList<(string Korean, string English)>> DistrictRows = new(() =>
        EmbeddedData.ReadLines("seoul_districts.csv").Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 3)
            .Select(cells => (cells[1].Trim(), cells[2].Trim()))
            .ToList());

    private static readonly Lazy<IReadOnlyList<(string Major, string Minor, string[] Keywords)>> CategoryRows = new(() =>
        EmbeddedData.ReadLines("seoul120_categories.csv").Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 3)
            .Select(cells => (cells[0].Trim(), cells[1].Trim(), cells[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList());

    public static IReadOnlyList<string> Districts => [.. DistrictRows.Value.Select(row => row.Korean)];

    public static IReadOnlyList<(string Major, string Minor, string[] Keywords)> Categories => CategoryRows.Value;

    /// <summary>
    /// Accepts "마포구", "마포", "Mapo-gu" or "mapo" for 마포구 and returns null for anything else, so an unknown or
    /// misspelt district never becomes a district of its own.
    /// </summary>
    public static Func<string?, string?> DistrictResolver()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (korean, english) in DistrictRows.Value)
        {
            map[korean] = korean;
            if (korean.Length > 2)
            {
                map.TryAdd(korean[..^1], korean);
            }

            map[english] = korean;
            map.TryAdd(english.Replace("-gu", "", StringComparison.OrdinalIgnoreCase), korean);
        }

        return name => name is null ? null : map.GetValueOrDefault(name.Trim().Replace("서울특별시 ", "").Replace("서울시 ", ""));
    }
}
