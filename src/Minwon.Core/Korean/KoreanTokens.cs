namespace Minwon.Core.Korean;

/// <summary>
/// The three views of Korean text that search indexes side by side:
/// <list type="bullet">
/// <item><see cref="Bigrams"/>: syllable bigrams with spaces ignored, so 주차위반과태료 and 주차 위반 과태료 meet;</item>
/// <item><see cref="Stems"/>: words with particles and endings stripped, for exact-word precision;</item>
/// <item><see cref="JamoGrams"/>: jamo trigrams, so one wrong key (과태로, 여궝) still shares most terms.</item>
/// </list>
/// Latin words and numbers are kept whole in every view (ktx, 120).
/// </summary>
public static class KoreanTokens
{
    public static IReadOnlyList<KoreanToken> Bigrams(string? text)
    {
        var normalized = KoreanNormalizer.Normalize(text, out var starts, out var ends);
        var tokens = new List<KoreanToken>(normalized.Length);
        var previous = -1;
        var runLength = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == ' ')
            {
                continue;
            }

            if (!IsHangul(c))
            {
                var end = i;
                while (end < normalized.Length && normalized[end] != ' ' && !IsHangul(normalized[end]))
                {
                    end++;
                }

                FlushSingle(tokens, normalized, starts, ends, previous, runLength);
                tokens.Add(new KoreanToken(normalized[i..end], starts[i], ends[end - 1]));
                previous = -1;
                runLength = 0;
                i = end - 1;
                continue;
            }

            if (previous >= 0)
            {
                tokens.Add(new KoreanToken(string.Concat(normalized[previous], c), starts[previous], ends[i]));
            }

            previous = i;
            runLength++;
        }

        FlushSingle(tokens, normalized, starts, ends, previous, runLength);
        return tokens;
    }

    public static IReadOnlyList<KoreanToken> Stems(string? text, KoreanSuffixStripper? stripper = null)
    {
        stripper ??= KoreanSuffixStripper.Default;
        var normalized = KoreanNormalizer.Normalize(text, out var starts, out var ends);
        var tokens = new List<KoreanToken>();
        var i = 0;
        while (i < normalized.Length)
        {
            if (normalized[i] == ' ')
            {
                i++;
                continue;
            }

            var hangul = IsHangul(normalized[i]);
            var end = i;
            while (end < normalized.Length && normalized[end] != ' ' && IsHangul(normalized[end]) == hangul)
            {
                end++;
            }

            var word = normalized[i..end];
            var stem = hangul ? stripper.Strip(word) : word;
            tokens.Add(new KoreanToken(stem, starts[i], ends[end - 1]));
            i = end;
        }

        return tokens;
    }

    /// <summary>Jamo trigrams over the Hangul of the text with spaces ignored.</summary>
    public static IReadOnlyList<KoreanToken> JamoGrams(string? text, int n = 3)
    {
        var normalized = KoreanNormalizer.Normalize(text, out var starts, out var ends);
        var jamo = new System.Text.StringBuilder(normalized.Length * 3);
        var source = new List<int>(normalized.Length * 3);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (!IsHangul(c))
            {
                continue;
            }

            foreach (var j in Hangul.ToJamo([c]))
            {
                jamo.Append(j);
                source.Add(i);
            }
        }

        var tokens = new List<KoreanToken>(Math.Max(0, jamo.Length - n + 1));
        for (var i = 0; i + n <= jamo.Length; i++)
        {
            tokens.Add(new KoreanToken(jamo.ToString(i, n), starts[source[i]], ends[source[i + n - 1]]));
        }

        return tokens;
    }

    /// <summary>
    /// The bigrams again, but each emitted once on each of its two syllables, so tokens never overlap. A
    /// highlighter marks whole groups of overlapping tokens, and plain bigrams chain a sentence into one group.
    /// </summary>
    public static IReadOnlyList<KoreanToken> HighlightGrams(string? text)
    {
        var normalized = KoreanNormalizer.Normalize(text, out var starts, out var ends);
        var tokens = new List<KoreanToken>(normalized.Length * 2);
        var previous = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == ' ')
            {
                continue;
            }

            if (!IsHangul(c))
            {
                var end = i;
                while (end < normalized.Length && normalized[end] != ' ' && !IsHangul(normalized[end]))
                {
                    end++;
                }

                tokens.Add(new KoreanToken(normalized[i..end], starts[i], ends[end - 1]));
                previous = -1;
                i = end - 1;
                continue;
            }

            if (previous >= 0)
            {
                var term = string.Concat(normalized[previous], c);
                tokens.Add(new KoreanToken(term, starts[previous], ends[previous]));
                tokens.Add(new KoreanToken(term, starts[i], ends[i]));
            }

            previous = i;
        }

        return tokens;
    }

    public static bool IsHangul(char c) => Hangul.IsSyllable(c) || Hangul.IsCompatibilityJamo(c);

    // A Hangul run of one syllable has no bigram; index the syllable alone so 물, 차 stay findable.
    private static void FlushSingle(List<KoreanToken> tokens, string normalized, int[] starts, int[] ends, int previous, int runLength)
    {
        if (runLength == 1 && previous >= 0)
        {
            tokens.Add(new KoreanToken(normalized[previous].ToString(), starts[previous], ends[previous]));
        }
    }
}
