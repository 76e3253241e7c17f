using Minwon.Core.Platform;

namespace Minwon.Core.Assistant;

public sealed record CategoryGuess(string Major, string Minor, double Score);

/// <summary>
/// The category suggestion that works before any case has been closed: the taxonomy's example keywords
/// (data-seed/seoul120_categories.csv), matched without regard to spacing. Once enough cases exist, the trained
/// classifier (minwon train) takes over.
/// </summary>
public sealed class CategoryKeywordMatcher
{
    public static readonly CategoryKeywordMatcher Instance = new();

    private readonly List<(string Major, string Minor, string[] Keywords)> categories = [];

    private CategoryKeywordMatcher()
    {
        foreach (var line in EmbeddedData.ReadLines("seoul120_categories.csv").Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 3)
            {
                continue;
            }

            var keywords = parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Append(parts[1].Split('·', ' ')[0])
                .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
                .Where(k => k.Length >= 2).Distinct().ToArray();
            categories.Add((parts[0].Trim(), parts[1].Trim(), keywords));
        }
    }

    public IReadOnlyList<CategoryGuess> Guess(string text, int top = 3)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        return categories
            .Select(c => new CategoryGuess(c.Major, c.Minor, c.Keywords.Sum(k => compact.Contains(k, StringComparison.Ordinal) ? k.Length : 0)))
            .Where(g => g.Score > 0)
            .OrderByDescending(g => g.Score)
            .Take(top)
            .Select(g => g with { Score = Math.Min(1.0, g.Score / 8.0) })
            .ToList();
    }
}
