using System.Globalization;
using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Undoes the usual ways of hiding abuse before lexicon matching: drops spaces and symbols between letters
/// (시.발, 시 발), composes spelled-out jamo (ㅅㅣ발 → 시발), reads Latin keys typed with the Korean input method
/// off (tlqkf → 시발), folds stretched syllables (씨이이발, 씨바아알 → 씨발) and lower-cases Latin.
/// Digits stay: the lexicon has spellings such as 18놈, and the matcher skips stray digits inside a word (시1발).
/// </summary>
internal static class TextNormalizer
{
    private const int MaxLatinRun = 64;
    private const int IeungLead = 11;

    // Latin swear words would otherwise be read as keys ("fuck" is also 려차 on the Korean layout).
    private static readonly string[] EnglishTerms = [
        "fuck", "sex", "shit", "bitch", "sibal", "shibal", "ssibbal",
        "idiot", "stupid", "moron", "asshole", "bastard", "retard", "dumbass", "jackass", "slut", "whore",
    ];

    public static NormalizedText Normalize(string text)
    {
        text = FoldFullWidth(text);
        var chars = new char[text.Length];
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        var wordStart = new bool[text.Length];
        var n = 0;
        var gap = true;

        // Stretching folds across symbols (씨.이.발) but not across spaces (김씨 이발소).
        var spaceGap = true;
        var keys = new List<(char Syllable, int Offset, int Length)>();

        void Emit(char c, int start, int end)
        {
            if (n > 0 && !spaceGap && Merge(chars[n - 1], c) is var merged and not '\0')
            {
                chars[n - 1] = merged;
                ends[n - 1] = end;
                return;
            }

            chars[n] = c;
            starts[n] = start;
            ends[n] = end;
            wordStart[n] = gap;
            gap = false;
            spaceGap = false;
            n++;
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                var j = i;
                while (j < text.Length && char.IsAsciiLetter(text[j]))
                {
                    j++;
                }

                // Latin written into a Korean word is a disguise: read as keys first (개toRl), else as sounds (byung신,
                // 개sae끼, jot같은); a lone c before 8 or a ㅂ-syllable is 씨 (c8, c발).
                var inWord = i > 0 && Hangul.IsHangul(text[i - 1]) || j < text.Length && Hangul.IsHangul(text[j]);
                if (j - i is >= 2 and <= MaxLatinRun && !HasEnglishTerm(text.AsSpan(i, j - i)) && KeyboardHangul.TryConvert(text.AsSpan(i, j - i), keys))
                {
                    foreach (var (syllable, offset, length) in keys)
                    {
                        Emit(syllable, i + offset, i + offset + length);
                    }
                }
                else if (inWord && !HasEnglishTerm(text.AsSpan(i, j - i)) && RomanizedHangul.TryRead(text.AsSpan(i, j - i)) is { } sounds)
                {
                    foreach (var syllable in sounds)
                    {
                        Emit(syllable, i, j);
                    }
                }
                else if (j - i == 1 && text[i] is 'c' or 'C' && j < text.Length && (text[j] == '8' || Hangul.TryDecompose(text[j], out var l, out _, out _) && l is 7 or 8 or 17))
                {
                    Emit('씨', i, j);
                }
                else
                {
                    for (var k = i; k < j; k++)
                    {
                        Emit(char.ToLowerInvariant(text[k]), k, k + 1);
                    }
                }

                i = j;
                continue;
            }

            if (Hangul.IsCompatibilityJamo(c) && TryComposeJamo(text, i, out var composed, out var used))
            {
                Emit(composed, i, i + used);
                i += used;
                continue;
            }

            if (IsSkipped(c))
            {
                gap = true;
                spaceGap |= char.IsWhiteSpace(c);
                i++;
                continue;
            }

            // 8 said right after 시 or 씨 is 팔 (시8, 씨8, c8); 18 and 5시8분 stay digits.
            if (c == '8' && n > 0 && !gap && chars[n - 1] is '시' or '씨' && (i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
                && (i < 2 || !char.IsAsciiDigit(text[i - 2])))
            {
                Emit('팔', i, i + 1);
                i++;
                continue;
            }

            Emit(char.IsAsciiDigit(c) || Hangul.IsHangul(c) ? c : char.ToLowerInvariant(c), i, i + 1);
            i++;
        }

        return new NormalizedText(chars, starts, ends, wordStart, n);
    }

    /// <summary>Full-width forms (ｓｉｂａｌ, ＳＥＸ, １８놈) read as ASCII; one character for one, so offsets hold.</summary>
    private static string FoldFullWidth(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (buffer, source) =>
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                var c = source[i];
                buffer[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    private static bool HasEnglishTerm(ReadOnlySpan<char> run)
    {
        foreach (var term in EnglishTerms)
        {
            if (run.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSkipped(char c)
    {
        if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
        {
            return true;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.Format
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }

    /// <summary>A stretched syllable (씨+이, 바+알) or a doubled one (발발) folds into the one before it.</summary>
    private static char Merge(char previous, char current)
    {
        if (previous == current && Hangul.IsSyllable(current))
        {
            return previous;
        }

        if (!Hangul.TryDecompose(previous, out var lead, out var vowel, out var tail) || tail != 0
            || !Hangul.TryDecompose(current, out var lead2, out var vowel2, out var tail2) || lead2 != IeungLead || vowel2 != vowel)
        {
            return '\0';
        }

        return tail2 == 0 ? previous : Hangul.Compose(lead, vowel, tail2);
    }

    /// <summary>ㅅㅣ발: a compatibility consonant followed by a vowel (and maybe a final consonant) is one syllable.</summary>
    private static bool TryComposeJamo(string text, int at, out char syllable, out int used)
    {
        syllable = '\0';
        used = 0;
        var lead = Hangul.Leads.IndexOf(text[at]);
        if (lead < 0 || at + 1 >= text.Length)
        {
            return false;
        }

        var vowel = Hangul.Vowels.IndexOf(text[at + 1]);
        if (vowel < 0)
        {
            return false;
        }

        used = 2;
        var tail = 0;
        if (at + 2 < text.Length && Hangul.Tails.IndexOf(text[at + 2]) is var t and > 0
            && !(at + 3 < text.Length && Hangul.Vowels.Contains(text[at + 3])))
        {
            tail = t;
            used = 3;
        }

        syllable = Hangul.Compose(lead, vowel, tail);
        return true;
    }
}
