using Minwon.Core.Korean;

namespace Minwon.Core.Knowledge;

/// <summary>
/// Query-time synonyms: each group lists phrases that mean the same (주차딱지 = 주정차 과태료). When a query
/// contains one phrase of a group, spaces ignored, the other phrases are added to it. Index-time expansion
/// would need a reindex on every edit of the list; query time applies an administrator's change at once.
/// </summary>
public sealed class SynonymExpander
{
    // The syllables dropped from the end of a phrase's inner word: subject, object, topic and a few other particles.
    private const string Particles = "이가을를은는도에의";

    private readonly List<string[]> groups;

    // Per directed group: its service name, its everyday phrases, and those phrases without their particles, each led by
    // a space so it matches from a word's start only (" 물 끊" and " 물끊" for 물이 끊; issue 13, session 11).
    private readonly List<(string Target, string[] Triggers, string[] Bare)> directed;

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
            .Select(g => (
                KoreanNormalizer.Normalize(g[0]),
                g.Skip(1).Select(Key).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
                g.Skip(1).SelectMany(WithoutParticles).Distinct(StringComparer.Ordinal).ToArray()))
            .Where(g => g.Item2.Length > 0)
            .ToList();
    }

    /// <summary>
    /// A phrase as a hurried or short question says it, without the particles of its inner words (물이 끊 → 물 끊, 물끊;
    /// 여권을 잃 → 여권 잃): "물 끊김" and "쓰레기 안 가져감" are how people type and how speech-to-text drops them
    /// (issue 13, session 11). Matched only from the start of a word, so 차가 없어 → " 차 없어" does not fire inside
    /// 주차 없어요. Phrases without a particle give nothing here: they are matched as they are.
    /// </summary>
    private static IEnumerable<string> WithoutParticles(string phrase)
    {
        var words = KoreanNormalizer.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length - 1; i++)
        {
            if (words[i].Length >= 2 && Particles.Contains(words[i][^1], StringComparison.Ordinal))
            {
                words[i] = words[i][..^1];
                changed = true;
            }
        }

        if (changed)
        {
            yield return " " + string.Join(' ', words);
            yield return " " + string.Concat(words);
        }
    }

    private static bool HasBare(string spaced, string[] variants)
    {
        foreach (var variant in variants)
        {
            if (spaced.Contains(variant, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Spaced(string query) =>
        " " + string.Join(' ', KoreanNormalizer.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries));

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
        string? spaced = null;
        var count = 0;
        foreach (var (name, triggers, bare) in directed)
        {
            if (name == target)
            {
                var found = triggers.Count(p => key.Contains(p, StringComparison.Ordinal));
                count += found > 0 ? found : bare.Length > 0 && HasBare(spaced ??= Spaced(query), bare) ? 1 : 0;
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

        string? spaced = null;
        foreach (var (target, triggers, bare) in directed)
        {
            if (!added.Contains(target) && (triggers.Any(p => key.Contains(p, StringComparison.Ordinal))
                || bare.Length > 0 && HasBare(spaced ??= Spaced(query), bare)))
            {
                added.Add(target);
            }
        }

        return added;
    }

    private static string Key(string phrase) => KoreanNormalizer.Normalize(phrase).Replace(" ", "", StringComparison.Ordinal);
}
