using Minwon.Core.Korean;

namespace Minwon.Core.VisualArs;

/// <summary>
/// The second chance of menu search when exact words find nothing: a typo (대형패기물) costs one jamo edit, and
/// initials alone (ㄷㅎㅍㄱㅁ) match the way people abbreviate on a phone keypad.
/// </summary>
internal static class ArsFuzzyMatch
{
    public static bool Matches(string word, string compactLabel, IEnumerable<string> tokens)
    {
        if (word.All(Hangul.IsCompatibilityJamo))
        {
            return word.Length >= 3 && Hangul.ToLeads(compactLabel).Contains(word, StringComparison.Ordinal);
        }

        var query = Hangul.ToJamo(word);
        if (query.Length < 4)
        {
            return false;
        }

        var allowed = query.Length >= 12 ? 2 : 1;
        return tokens.Any(t => SubstringDistance(query, Hangul.ToJamo(t)) <= allowed);
    }

    /// <summary>Fewest edits turning the query into some substring of the text (Sellers' algorithm).</summary>
    internal static int SubstringDistance(string query, string text)
    {
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        for (var i = 1; i <= query.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= text.Length; j++)
            {
                var cost = query[i - 1] == text[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous.Min();
    }
}
