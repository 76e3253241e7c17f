using Minwon.Core.Korean;

namespace Minwon.Core.Knowledge;

/// <summary>
/// Query-time synonyms: each group lists phrases that mean the same (주차딱지 = 주정차 과태료). When a query
/// contains one phrase of a group, spaces ignored, the other phrases are added to it. Index-time expansion
/// would need a reindex on every edit of the list; query time applies an administrator's change at once.
/// </summary>
public sealed class SynonymExpander
{
    private readonly List<string[]> groups;

    public SynonymExpander(IEnumerable<IEnumerable<string>> phraseGroups)
    {
        groups = phraseGroups
            .Select(g => g.Select(Key).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .ToList();
    }

    public static SynonymExpander Empty { get; } = new([]);

    public int Count => groups.Count;

    /// <summary>The phrases to add to <paramref name="query"/> (already normalised and without spaces), none of which it contains.</summary>
    public IReadOnlyList<string> Expand(string query)
    {
        var key = Key(query);
        var added = new List<string>();
        foreach (var group in groups)
        {
            if (!group.Any(p => key.Contains(p, StringComparison.Ordinal)))
            {
                continue;
            }

            added.AddRange(group.Where(p => !key.Contains(p, StringComparison.Ordinal) && !added.Contains(p)));
        }

        return added;
    }

    private static string Key(string phrase) => KoreanNormalizer.Normalize(phrase).Replace(" ", "", StringComparison.Ordinal);
}
