using Minwon.Core.Korean;

namespace Minwon.Core.Quality;

/// <summary>
/// A turn's text three ways: the original, the normalised words (with whether each ends a sentence), and the
/// compact letters-and-digits form the lexicon is matched on, with a map back to the original for evidence.
/// </summary>
internal sealed class CompactText
{
    private static readonly string SentenceMarks = ".?!~…\n。？！";

    public CompactText(string text)
    {
        Original = text;
        var normalized = KoreanNormalizer.Normalize(text, out var starts, out var ends);
        var chars = new char[normalized.Length];
        var source = new int[normalized.Length];
        var wordStart = new bool[normalized.Length];
        var wordEnd = new bool[normalized.Length];
        var words = new List<Word>();
        var n = 0;
        var i = 0;
        while (i < normalized.Length)
        {
            if (normalized[i] == ' ')
            {
                i++;
                continue;
            }

            var end = i;
            while (end < normalized.Length && normalized[end] != ' ')
            {
                end++;
            }

            var first = n;
            for (var k = i; k < end; k++)
            {
                chars[n] = normalized[k];
                source[n] = starts[k];
                n++;
            }

            wordStart[first] = true;
            wordEnd[n - 1] = true;
            var originalEnd = ends[end - 1];
            var nextStart = end < normalized.Length ? NextWordStart(normalized, starts, end, text.Length) : text.Length;
            var marked = HasSentenceMark(text, originalEnd, nextStart);
            words.Add(new Word(normalized[i..end], first, n, starts[i], originalEnd, marked || nextStart >= text.Length, marked));
            i = end;
        }

        Chars = new string(chars, 0, n);
        Source = source;
        WordStart = wordStart;
        WordEnd = wordEnd;
        Words = words;
    }

    public string Original { get; }

    public string Chars { get; }

    public IReadOnlyList<Word> Words { get; }

    public bool[] WordStart { get; }

    public bool[] WordEnd { get; }

    public int[] Source { get; }

    /// <summary>True when the text has sentence punctuation at all; speech-to-text output usually has none.</summary>
    public bool Punctuated => Words.Any(w => w.Marked);

    /// <summary>A short excerpt of the original around compact positions [start, end), for evidence.</summary>
    public string Excerpt(int start, int end, int context = 20)
    {
        if (Original.Length == 0)
        {
            return "";
        }

        if (Chars.Length == 0 || start >= Chars.Length)
        {
            return Original.Length <= context * 3 ? Original : Original[..(context * 3)] + "…";
        }

        var from = Source[Math.Clamp(start, 0, Chars.Length - 1)];
        var to = end >= 1 && end - 1 < Chars.Length ? Source[end - 1] + 1 : Original.Length;
        var a = Math.Max(0, from - context);
        var b = Math.Min(Original.Length, to + context);
        return (a > 0 ? "…" : "") + Original[a..b].Trim() + (b < Original.Length ? "…" : "");
    }

    private static int NextWordStart(string normalized, int[] starts, int from, int fallback)
    {
        for (var k = from; k < normalized.Length; k++)
        {
            if (normalized[k] != ' ')
            {
                return starts[k];
            }
        }

        return fallback;
    }

    private static bool HasSentenceMark(string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (SentenceMarks.Contains(text[k], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One word: its normalised text, its compact span, its original span, whether a sentence ends after it (a
    /// sentence mark follows, or it is the last word) and whether that end is marked by punctuation.
    /// </summary>
    public readonly record struct Word(string Text, int CompactStart, int CompactEnd, int OriginalStart, int OriginalEnd, bool EndsSentence, bool Marked);
}
