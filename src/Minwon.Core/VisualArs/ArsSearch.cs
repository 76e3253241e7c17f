namespace Minwon.Core.VisualArs;

/// <summary>
/// Finds menu entries anywhere in the tree from what a citizen types. Spaces are ignored (citizens write
/// 대형폐기물 or 대형 폐기물), and every word must occur in the entry's labels, prompt, keywords or text.
/// </summary>
public static class ArsSearch
{
    public sealed record Hit(ArsNode Node, IReadOnlyList<ArsNode> Path);

    public static IReadOnlyList<Hit> Find(ArsMenu menu, string? query, int max = 20)
    {
        var words = (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var hits = new List<(Hit Hit, int Score)>();
        var parents = menu.Parents();
        foreach (var node in menu.Nodes)
        {
            if (node.Id == menu.RootId)
            {
                continue;
            }

            var label = Normalize(node.LabelKo + " " + node.LabelEn);
            var haystack = label + Normalize(node.PromptKo + node.PromptEn + node.Keywords + node.TextKo + node.TextEn);
            if (!words.All(haystack.Contains))
            {
                continue;
            }

            var path = menu.PathTo(node.Id, parents);
            if (path.Count == 0)
            {
                continue;
            }

            // Label matches first, then shallower entries: the page a citizen means is usually the one named so.
            var score = words.Count(label.Contains) * 100 - path.Count;
            hits.Add((new Hit(node, path), score));
        }

        if (hits.Count == 0)
        {
            var fuzzy = Fuzzy(menu, words, parents, max);
            return fuzzy.Count > 0 ? fuzzy : Contained(menu, string.Concat(words), parents, max);
        }

        return [.. hits.OrderByDescending(h => h.Score).Take(max).Select(h => h.Hit)];
    }

    private static IReadOnlyList<Hit> Fuzzy(ArsMenu menu, List<string> words, Dictionary<string, string> parents, int max)
    {
        var hits = new List<Hit>();
        foreach (var node in menu.Nodes.Where(n => n.Id != menu.RootId))
        {
            var tokens = (node.LabelKo + " " + node.Keywords).Split([' ', '·', '/', ','], StringSplitOptions.RemoveEmptyEntries);
            if (words.All(w => ArsFuzzyMatch.Matches(w, Normalize(node.LabelKo), tokens)) && menu.PathTo(node.Id, parents) is { Count: > 0 } path)
            {
                hits.Add(new Hit(node, path));
            }
        }

        return [.. hits.OrderBy(h => h.Path.Count).Take(max)];
    }

    /// <summary>
    /// The last chance, for sentences ("소파버리고싶은데요"): entries whose own words occur inside what was typed,
    /// best covered first.
    /// </summary>
    private static IReadOnlyList<Hit> Contained(ArsMenu menu, string typed, Dictionary<string, string> parents, int max)
    {
        var hits = new List<(Hit Hit, int Score)>();
        foreach (var node in menu.Nodes.Where(n => n.Id != menu.RootId))
        {
            var score = (node.LabelKo + " " + node.LabelEn + " " + node.Keywords).Split([' ', '·', '/', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(Normalize).Where(t => t.Length >= 2).Distinct().Where(typed.Contains).Sum(t => t.Length);
            if (score > 0 && menu.PathTo(node.Id, parents) is { Count: > 0 } path)
            {
                hits.Add((new Hit(node, path), score));
            }
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Hit.Path.Count).Take(max).Select(h => h.Hit)];
    }

    private static string Normalize(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray()).ToLowerInvariant();
}
