namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Turns an issue's significant terms (mostly bigrams, by score) into readable ones: a bigram grows by a syllable on
/// either side while most contacts that contain it contain the longer string too ("스파" → "버스파업", "행중단" →
/// "운행중단"), endings are stripped, and a term inside a longer one is dropped.
/// </summary>
public static class IssueTermDisplay
{
    private const double GrowShare = 0.7;
    private const int MaxLength = 5;

    public static IReadOnlyList<string> Compose(IReadOnlyList<string> labels, IReadOnlyList<string> texts, int max)
    {
        var spaced = texts.Select(t => string.Join(' ', IssueTermExtractor.Tokens(t))).ToList();
        var compact = spaced.Select(t => t.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var result = new List<string>();
        foreach (var label in labels.Take(24))
        {
            // Spaced contacts show where words end; only when too few hold the term do the unspaced ones decide.
            var inSpaced = spaced.Count(t => t.Contains(label, StringComparison.Ordinal));
            var term = IssueTermExtractor.Stem(inSpaced >= 2 ? Grow(label, spaced) : Grow(label, compact));
            if (term.Length < 2 || result.Any(r => SharesBigram(r, term)))
            {
                continue;
            }

            result.Add(term);
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    private static string Grow(string term, List<string> texts)
    {
        var holding = texts.Where(t => t.Contains(term, StringComparison.Ordinal)).ToList();
        if (holding.Count < 2 || term.Contains(' ', StringComparison.Ordinal))
        {
            return term;
        }

        while (term.Length < MaxLength)
        {
            var best = Extensions(term, holding).GroupBy(e => e).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (best is null || best.Count() < GrowShare * holding.Count || best.Key.Contains(' ', StringComparison.Ordinal))
            {
                break;
            }

            term = best.Key;
        }

        return term;
    }

    private static bool SharesBigram(string a, string b)
    {
        for (var i = 0; i + 1 < b.Length; i++)
        {
            if (a.Contains(b.Substring(i, 2), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Extensions(string term, List<string> texts)
    {
        foreach (var text in texts)
        {
            var at = text.IndexOf(term, StringComparison.Ordinal);
            if (at > 0)
            {
                yield return text.Substring(at - 1, term.Length + 1);
            }

            if (at >= 0 && at + term.Length < text.Length)
            {
                yield return text.Substring(at, term.Length + 1);
            }
        }
    }
}
