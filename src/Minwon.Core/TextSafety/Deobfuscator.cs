using System.Buffers;
using System.Runtime.InteropServices;
using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// The de-obfuscated line as a reader would say it, with its words: what <see cref="TextNormalizer"/> undid (keys
/// typed in Latin mode, romanised syllables, spelled-out jamo, stretched syllables, symbols and digits inside a word)
/// kept, the spaces between words restored, letters spaced apart joined again (개 새 끼, s e x), and 초성-only
/// abbreviations of abuse written out (ㅅㅂ 시발, ㄲㅈ 꺼져, ㄴㄱㅁ 느금마, ㅈ같 좆같). The classifier scores this line as well
/// as the raw one (issue 13): it learnt the words, not their disguises. Null when the line holds no disguise, so an
/// ordinary line is scored once. <see cref="Surface.Starts"/> and <see cref="Surface.Ends"/> map each character of the
/// surface back to the original UTF-16 range.
/// </summary>
internal static class Deobfuscator
{
    internal sealed record Surface(string Text, int[] Starts, int[] Ends);

    /// <summary>초성 abbreviations of abuse, whole consonant runs only (ㄱㅅ is also 감사, so it is not here).</summary>
    private static readonly Dictionary<string, string> Initials = new(StringComparer.Ordinal)
    {
        ["ㅅㅂ"] = "시발", ["ㅆㅂ"] = "씨발", ["ㅅㅂㄹㅁ"] = "시발놈", ["ㅆㅂㄹㅁ"] = "씨발놈", ["ㅆㅂㄴ"] = "씨발놈", ["ㅅㅂㄴ"] = "시발놈",
        ["ㅂㅅ"] = "병신", ["ㅄ"] = "병신", ["ㅂㅅㅅㄲ"] = "병신새끼", ["ㅈㄹ"] = "지랄", ["ㅈㄹㄴ"] = "지랄하네", ["ㄲㅈ"] = "꺼져",
        ["ㄷㅊ"] = "닥쳐", ["ㅁㅊ"] = "미친", ["ㅁㅊㄴ"] = "미친놈", ["ㅈㄴ"] = "존나", ["ㄴㄱㅁ"] = "느금마", ["ㄴㄱㅁㅊ"] = "느금마창",
        ["ㅅㄲ"] = "새끼", ["ㄱㅅㄲ"] = "개새끼", ["ㅆㄹㄱ"] = "쓰레기", ["ㅂㅈ"] = "보지", ["ㅅㅅ"] = "섹스", ["ㄷㅈㄹ"] = "뒤질래",
        ["ㅈㄲ"] = "좆까", ["ㅇㅁ"] = "애미", ["ㄴㄱㅁㄹ"] = "느금마",
    };

    // Every consonant an abbreviation above is written with, and ㅈ (ㅈ같): a line whose bare consonants are all others
    // (ㅋㅋ, ㅎㅎ) has no abbreviation to write out.
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> InitialsBySpan =
        Initials.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> InitialLetters = SearchValues.Create(string.Concat(Initials.Keys) + "ㅈ");

    public static Surface? Decode(string text, NormalizedText normalized)
    {
        // A line without Korean letters is left to the lexicon (the classifier learnt Korean only, and "the" is
        // also keys of a syllable). Most lines hold no disguise: the allocation-free check below finds that before any
        // list is built, since this runs for every chat line.
        if (normalized.Length == 0 || !AbuseDetector.HasHangul(text) || !MayHoldDisguise(text, normalized))
        {
            return null;
        }

        return Build(text, normalized);
    }

    /// <summary>
    /// False only when <see cref="Build"/> would find nothing to change: no character rewritten by the normaliser,
    /// no symbol gap between words that <see cref="Build"/> joins, no run of letters spaced apart, no bare consonant an
    /// abbreviation uses and no digit after a syllable. One pass, nothing allocated.
    /// </summary>
    internal static bool MayHoldDisguise(string text, NormalizedText normalized)
    {
        var n = normalized.Length;
        var chars = normalized.Chars;
        var pieceStart = 0;
        var previousLength = 0;
        var spaceBefore = false;
        var run = 0;
        var runLatin = true;
        var runConsonants = true;
        for (var i = 0; i <= n; i++)
        {
            if (i == n || i > 0 && normalized.WordStart[i])
            {
                // Piece [pieceStart, i) is complete: the joins Build makes at its start, and runs of one-letter words.
                var length = i - pieceStart;
                if (pieceStart > 0 && !spaceBefore && (previousLength <= 2 || length <= 2)
                    && IsWordLetter(chars[pieceStart - 1]) && IsWordLetter(chars[pieceStart]))
                {
                    return true;
                }

                if (pieceStart > 0 && spaceBefore && previousLength == 1 && SplitAfterSyllable(text, normalized, pieceStart))
                {
                    return true;
                }

                // Not joined to the piece before (the two tests above), so a word start, as Build reads it (그러니까/끼새개들).
                if (ReversedAt(chars, pieceStart, i) > 0)
                {
                    return true;
                }

                var letter = length == 1 && IsWordLetter(chars[pieceStart]);
                if (letter && run > 0 && spaceBefore)
                {
                    run++;
                }
                else
                {
                    if (run >= 3 || run >= 2 && (runLatin || runConsonants))
                    {
                        return true;
                    }

                    run = letter ? 1 : 0;
                    runLatin = runConsonants = true;
                }

                if (letter)
                {
                    runLatin &= char.IsAsciiLetter(chars[pieceStart]);
                    runConsonants &= Hangul.IsCompatibilityJamo(chars[pieceStart]);
                }

                if (i == n)
                {
                    return run >= 3 || run >= 2 && (runLatin || runConsonants);
                }

                previousLength = length;
                pieceStart = i;
                spaceBefore = text.AsSpan(normalized.Ends[i - 1], Math.Max(0, normalized.Starts[i] - normalized.Ends[i - 1])).ContainsAny(Whitespace);
            }

            var c = chars[i];
            var original = text.AsSpan(normalized.Starts[i], normalized.Ends[i] - normalized.Starts[i]);
            if (original.Length != 1 || char.ToLowerInvariant(original[0]) != c && !IsFullWidthOf(original[0], c)
                || Hangul.IsCompatibilityJamo(c) && InitialLetters.Contains(c)
                || char.IsAsciiDigit(c) && i > 0 && Hangul.IsSyllable(chars[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The surface of a line <see cref="MayHoldDisguise"/> let through; null when it changes nothing after all.</summary>
    internal static Surface? Build(string text, NormalizedText normalized)
    {
        var n = normalized.Length;
        if (n == 0)
        {
            return null;
        }

        var chars = normalized.Chars;
        var changed = false;

        // Pieces: runs of normalised characters between gaps; a gap with a space in it separates words.
        var pieceStart = new List<int> { 0 };
        var spaceBefore = new List<bool> { false };
        for (var i = 1; i < n; i++)
        {
            if (normalized.WordStart[i])
            {
                pieceStart.Add(i);
                spaceBefore.Add(text.AsSpan(normalized.Ends[i - 1], Math.Max(0, normalized.Starts[i] - normalized.Ends[i - 1])).ContainsAny(Whitespace));
            }

            var original = text.AsSpan(normalized.Starts[i], normalized.Ends[i] - normalized.Starts[i]);
            if (original.Length != 1 || char.ToLowerInvariant(original[0]) != chars[i] && !IsFullWidthOf(original[0], chars[i]))
            {
                changed = true;
            }
        }

        var first = text.AsSpan(normalized.Starts[0], normalized.Ends[0] - normalized.Starts[0]);
        if (first.Length != 1 || char.ToLowerInvariant(first[0]) != chars[0] && !IsFullWidthOf(first[0], chars[0]))
        {
            changed = true;
        }

        pieceStart.Add(n);
        var pieces = pieceStart.Count - 1;

        // Words: pieces joined across symbol gaps when a side is short (병.신, 개.새.끼, 시*발), else apart.
        Span<bool> join = pieces <= 512 ? stackalloc bool[pieces] : new bool[pieces];
        for (var p = 1; p < pieces; p++)
        {
            var left = pieceStart[p] - pieceStart[p - 1];
            var right = pieceStart[p + 1] - pieceStart[p];
            if (!spaceBefore[p] && (left <= 2 || right <= 2) && IsWordLetter(chars[pieceStart[p] - 1]) && IsWordLetter(chars[pieceStart[p]]))
            {
                join[p] = true;
                changed = true;
            }
            else if (spaceBefore[p] && left == 1 && SplitAfterSyllable(text, normalized, pieceStart[p]))
            {
                // A one-syllable word cut from the rest by a comma or a line break (병, 신아; 씨⏎발; 죽, 여, 버린다).
                join[p] = true;
                changed = true;
            }
        }

        // Letters spaced apart: three or more one-character words in a row (개 새 끼), two or more Latin letters (s e x)
        // or bare consonants (ㅅ ㅂ).
        for (var p = 0; p < pieces;)
        {
            var q = p;
            var latin = true;
            var consonants = true;
            while (q < pieces && pieceStart[q + 1] - pieceStart[q] == 1 && (q == p || spaceBefore[q]) && IsWordLetter(chars[pieceStart[q]]))
            {
                latin &= char.IsAsciiLetter(chars[pieceStart[q]]);
                consonants &= Hangul.IsCompatibilityJamo(chars[pieceStart[q]]);
                q++;
            }

            if (q - p >= 3 || q - p >= 2 && (latin || consonants))
            {
                for (var k = p + 1; k < q; k++)
                {
                    join[k] = true;
                }

                changed = true;
            }

            p = Math.Max(q, p + 1);
        }

        var output = new List<char>(n + pieces + 8);
        var starts = new List<int>(n + pieces + 8);
        var ends = new List<int>(n + pieces + 8);
        // The end of the current word and of the current run of bare consonants, each found once: every consonant of a
        // run rescanning the rest of it (and of its word) made a long run quadratic.
        var wordStart = 0;
        var wordEnd = -1;
        var runEnd = -1;
        for (var p = 0; p < pieces; p++)
        {
            if (p > 0 && !join[p])
            {
                output.Add(' ');
                starts.Add(normalized.Ends[pieceStart[p] - 1]);
                ends.Add(normalized.Starts[pieceStart[p]]);
            }

            if (p == 0 || !join[p])
            {
                wordStart = pieceStart[p];
                wordEnd = -1;
            }

            var reversed = p == 0 || !join[p] ? ReversedAt(chars, pieceStart[p], pieceStart[p + 1]) : 0;
            if (reversed > 0)
            {
                // Syllables of a strong swear word or insult written backwards at the start of a word (발시, 끼새개들이):
                // said the right way round, each character mapped to the whole reversed run (evidence spans stay ordered).
                for (var k = pieceStart[p] + reversed - 1; k >= pieceStart[p]; k--)
                {
                    output.Add(chars[k]);
                    starts.Add(normalized.Starts[pieceStart[p]]);
                    ends.Add(normalized.Ends[pieceStart[p] + reversed - 1]);
                }

                changed = true;
                if (reversed == pieceStart[p + 1] - pieceStart[p])
                {
                    continue;
                }
            }

            for (var i = pieceStart[p] + reversed; i < pieceStart[p + 1]; i++)
            {
                var c = chars[i];
                if (Hangul.IsCompatibilityJamo(c) && Hangul.Leads.Contains(c))
                {
                    // A run of bare consonants (across joined pieces): an abbreviation when the whole run is one.
                    if (i >= runEnd)
                    {
                        if (wordEnd < 0)
                        {
                            wordEnd = p + 1 < pieces && join[p + 1] ? NextWordEnd(pieceStart, join, p, pieces) : pieceStart[p + 1];
                        }

                        runEnd = i;
                        while (runEnd < wordEnd && Hangul.IsCompatibilityJamo(chars[runEnd]) && Hangul.Leads.Contains(chars[runEnd]))
                        {
                            runEnd++;
                        }
                    }

                    var end = runEnd;
                    string? expansion = null;
                    // The run starts its word or follows a letter of it (the normalised characters have no spaces:
                    // the ㅋ of "ㅋㅋ ㅅㅂ" is in the word before).
                    if ((i == wordStart || !Hangul.IsCompatibilityJamo(chars[i - 1])) && InitialsBySpan.TryGetValue(chars.AsSpan(i, end - i), out var word))
                    {
                        expansion = word;
                    }
                    else if (end - i == 1 && c == 'ㅈ' && end < n && chars[end] is '같' or '까' or '나' or '밥' or '도')
                    {
                        expansion = "좆";
                    }

                    if (expansion is not null)
                    {
                        foreach (var e in expansion)
                        {
                            output.Add(e);
                            starts.Add(normalized.Starts[i]);
                            ends.Add(normalized.Ends[end - 1]);
                        }

                        changed = true;
                        while (i + 1 < end && i + 1 < pieceStart[p + 1])
                        {
                            i++;
                        }

                        if (end > pieceStart[p + 1])
                        {
                            // The run went on into joined pieces: skip their consonants too.
                            SkipTo(ref p, ref i, end, pieceStart);
                        }

                        continue;
                    }
                }

                // A digit between two Hangul letters is noise (시1발); 18 before a word stays (18놈 is its own spelling).
                if (char.IsAsciiDigit(c) && i > 0 && Hangul.IsSyllable(chars[i - 1]))
                {
                    var d = i;
                    while (d < n && char.IsAsciiDigit(chars[d]))
                    {
                        d++;
                    }

                    if (d < n && Hangul.IsSyllable(chars[d]) && d - i <= 2)
                    {
                        changed = true;
                        i = d - 1;
                        continue;
                    }
                }

                output.Add(c);
                starts.Add(normalized.Starts[i]);
                ends.Add(normalized.Ends[i]);
            }
        }

        if (!changed)
        {
            return null;
        }

        // The string straight from the list's storage: [.. output] copied every character once more first.
        return new Surface(new string(CollectionsMarshal.AsSpan(output)), [.. starts], [.. ends]);
    }

    /// <summary>
    /// True when the gap before normalised character <paramref name="at"/> holds a comma or a line break and nothing but
    /// spaces besides, with a Hangul syllable on each side, and the syllable before is no interjection or reply word
    /// (네, 시작할게요 stays two words).
    /// </summary>
    private static bool SplitAfterSyllable(string text, NormalizedText normalized, int at)
    {
        var before = normalized.Chars[at - 1];
        if (!Hangul.IsSyllable(before) || !Hangul.IsSyllable(normalized.Chars[at]) || Interjections.Contains(before))
        {
            return false;
        }

        var gap = text.AsSpan(normalized.Ends[at - 1], Math.Max(0, normalized.Starts[at] - normalized.Ends[at - 1]));
        return gap.ContainsAny(SplitMarks) && !gap.ContainsAnyExcept(SplitGap);
    }

    /// <summary>
    /// The length of a strong curated swear word or insult (weight 0.85 or more, two or three syllables) written backwards
    /// at <paramref name="start"/>, within the word ending at <paramref name="end"/>, when the word ends there or goes on
    /// with a particle or an ending; 0 otherwise. Reversed forms that are ordinary words (신병, 신빙성) are left alone.
    /// </summary>
    internal static int ReversedAt(char[] chars, int start, int end)
    {
        for (var length = Math.Min(3, end - start); length >= 2; length--)
        {
            if (ReversedLookup.Contains(chars.AsSpan(start, length))
                && (start + length == end || AfterReversed.Contains(chars[start + length])))
            {
                return length;
            }
        }

        return 0;
    }

    private static readonly HashSet<string> Reversed = BuildReversed();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReversedLookup = Reversed.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> BuildReversed()
    {
        // Ordinary words and word starts that read as a swear word backwards.
        string[] ordinary = ["신병", "신빙", "새개", "년저", "아년", "나존", "신등"];
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, label, weight) in CuratedTerms.All())
        {
            if (label is AbuseLabel.Profanity or AbuseLabel.Insult && weight >= 0.85 && term.Length is 2 or 3 && term.All(Hangul.IsSyllable))
            {
                var backwards = new string([.. term.Reverse()]);
                if (backwards != term && !ordinary.Contains(backwards))
                {
                    set.Add(backwards);
                }
            }
        }

        return set;
    }

    // What may follow a reversed word inside its word: a plural, a particle or the start of an ending (끼새개들이, 랄지하고).
    private static readonly SearchValues<char> AfterReversed = SearchValues.Create("들이가은는을를아야하같도만에의랑냐네다");

    private static readonly SearchValues<char> Interjections = SearchValues.Create("네예아어음응에오와자저그뭐왜헐");

    private static readonly SearchValues<char> SplitMarks = SearchValues.Create(",\n\r，、");

    private static readonly SearchValues<char> SplitGap = SearchValues.Create(" ,\t\r\n，、\u00A0\u3000");

    private static int NextWordEnd(List<int> pieceStart, Span<bool> join, int p, int pieces)
    {
        var q = p + 1;
        while (q < pieces && join[q])
        {
            q++;
        }

        return pieceStart[q];
    }

    private static void SkipTo(ref int p, ref int i, int end, List<int> pieceStart)
    {
        while (pieceStart[p + 1] < end)
        {
            p++;
        }

        i = end - 1;
    }

    // Digits are not joined: 2024-03-15 and 1 2 3 are numbers, not a disguised word.
    private static bool IsWordLetter(char c) => Hangul.IsHangul(c) || char.IsAsciiLetter(c);

    private static bool IsFullWidthOf(char original, char c) => original is >= '\uFF01' and <= '\uFF5E' && char.ToLowerInvariant((char)(original - 0xFEE0)) == c;

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\u00A0\u3000");
}
