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
    private readonly List<(string Target, string[] Triggers)> directed;

    /// <param name="phraseGroups">Groups of equal phrases: any one found adds the others.</param>
    /// <param name="directedGroups">
    /// A service's name, then the everyday phrases that point at it (<see cref="ColloquialLexicon"/>): a phrase found
    /// adds the name only. Adding the other everyday phrases too would multiply the query's clauses for nothing.
    /// </param>
    public SynonymExpander(IEnumerable<IEnumerable<string>> phraseGroups, IEnumerable<IEnumerable<string>>? directedGroups = null)
    {
        groups = phraseGroups
            .Select(g => g.Select(Key).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .ToList();
        directed = (directedGroups ?? [])
            .Select(g => g.ToArray())
            .Where(g => g.Length > 1 && !string.IsNullOrWhiteSpace(g[0]))
            .Select(g => (KoreanNormalizer.Normalize(g[0]), g.Skip(1).Select(Key).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray()))
            .Where(g => g.Item2.Length > 0)
            .ToList();
    }

    /// <summary>True for a service name added by a directed group (<see cref="ColloquialLexicon"/>), as returned by <see cref="Expand"/>.</summary>
    public bool IsServiceName(string phrase) => directed.Exists(d => d.Target == phrase);

    /// <summary>
    /// How many of a directed group's everyday phrases <paramref name="query"/> holds (0 when <paramref name="target"/>
    /// is not a service name): "물값이 평소보다 세 배나 나왔어" holds two of the excess-bill group and one of the bill group,
    /// so the search can weigh the service the question describes most (issue 13, session 6).
    /// </summary>
    public int Triggers(string query, string target)
    {
        var key = Key(query);
        var count = 0;
        foreach (var (name, triggers) in directed)
        {
            if (name == target)
            {
                count += triggers.Count(p => key.Contains(p, StringComparison.Ordinal));
            }
        }

        return count;
    }

    /// <summary>The built-in synonyms and colloquial lexicon plus the administrators' groups.</summary>
    public static SynonymExpander WithDefaults(IEnumerable<IEnumerable<string>> administratorGroups) =>
        new([.. DefaultSynonyms.Groups, .. administratorGroups], ColloquialLexicon.Groups);

    public static SynonymExpander Empty { get; } = new([]);

    public int Count => groups.Count + directed.Count;

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

        foreach (var (target, triggers) in directed)
        {
            if (!added.Contains(target) && triggers.Any(p => key.Contains(p, StringComparison.Ordinal)))
            {
                added.Add(target);
            }
        }

        return added;
    }

    private static string Key(string phrase) => KoreanNormalizer.Normalize(phrase).Replace(" ", "", StringComparison.Ordinal);
}
