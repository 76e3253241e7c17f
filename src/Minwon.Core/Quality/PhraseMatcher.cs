using Minwon.Core.Korean;

namespace Minwon.Core.Quality;

/// <summary>
/// Finds many phrases at once in the compact form of a text (normalised, spaces and punctuation removed), so
/// speech-to-text spacing ("확인 해 드리겠습니다") does not matter. A phrase written with a leading '^' must start a
/// word and one with a trailing '$' must end a word: short phrases would otherwise match across word boundaries.
/// Read-only after construction; safe to share between threads.
/// </summary>
internal sealed class PhraseMatcher<T>
{
    private readonly Dictionary<(int Node, char C), int> children = [];
    private readonly List<List<Entry>?> terminals = [null];

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var atStart = phrase.StartsWith('^');
            var atEnd = phrase.EndsWith('$');
            var compact = PhraseMatcher.Compact(phrase.Trim('^', '$'));
            if (compact.Length == 0)
            {
                continue;
            }

            var node = 0;
            foreach (var c in compact)
            {
                if (!children.TryGetValue((node, c), out var next))
                {
                    next = terminals.Count;
                    terminals.Add(null);
                    children.Add((node, c), next);
                }

                node = next;
            }

            (terminals[node] ??= []).Add(new Entry(value, compact.Length, atStart, atEnd));
        }
    }

    /// <summary>Every occurrence of every phrase in <paramref name="text"/>, by start then length.</summary>
    public void FindAll(CompactText text, List<(T Value, int Start, int End)> found)
    {
        var chars = text.Chars;
        for (var start = 0; start < chars.Length; start++)
        {
            var node = 0;
            for (var i = start; i < chars.Length; i++)
            {
                if (!children.TryGetValue((node, chars[i]), out node))
                {
                    break;
                }

                if (terminals[node] is { } entries)
                {
                    foreach (var entry in entries)
                    {
                        if ((!entry.AtWordStart || text.WordStart[start]) && (!entry.AtWordEnd || text.WordEnd[i]))
                        {
                            found.Add((entry.Value, start, i + 1));
                        }
                    }
                }
            }
        }
    }

    private readonly record struct Entry(T Value, int Length, bool AtWordStart, bool AtWordEnd);
}

internal static class PhraseMatcher
{
    /// <summary>The compact form of a phrase: normalised, without spaces.</summary>
    public static string Compact(string phrase) => KoreanNormalizer.Normalize(phrase).Replace(" ", "", StringComparison.Ordinal);
}
