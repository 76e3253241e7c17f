using System.Globalization;
using System.Text;

namespace Minwon.Core.Korean;

/// <summary>
/// Folds text to the form search compares: NFKC (full-width letters and digits become ASCII, decomposed
/// Hangul is composed), lower case, and every character that is not a letter or digit becomes a space.
/// Each output character keeps the span of the input it came from, so highlights land on the original text.
/// </summary>
public static class KoreanNormalizer
{
    /// <summary>Queries longer than this are cut; nobody types a question of more than a few hundred characters.</summary>
    public const int MaxQueryLength = 512;

    public static string Normalize(string? text) => Normalize(text, out _, out _);

    public static string Normalize(string? text, out int[] starts, out int[] ends)
    {
        if (string.IsNullOrEmpty(text))
        {
            starts = ends = [];
            return "";
        }

        var output = new StringBuilder(text.Length);
        var startList = new List<int>(text.Length);
        var endList = new List<int>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsFast(text, i))
            {
                Append(output, startList, endList, Fold(c), i, i + 1);
                i++;
                continue;
            }

            var length = StringInfo.GetNextTextElementLength(text, i);
            if (length <= 0)
            {
                length = 1;
            }

            var element = text.Substring(i, length);
            string folded;
            try
            {
                folded = element.IsNormalized(NormalizationForm.FormKC) ? element : element.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Lone surrogates and other ill-formed UTF-16 cannot be normalised; they are noise for search.
                folded = " ";
            }

            foreach (var f in folded)
            {
                Append(output, startList, endList, Fold(f), i, i + length);
            }

            i += length;
        }

        starts = [.. startList];
        ends = [.. endList];
        return output.ToString();
    }

    /// <summary>The normalised text with runs of spaces collapsed and cut to <paramref name="maxLength"/>.</summary>
    public static string NormalizeQuery(string? text, int maxLength = MaxQueryLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length > maxLength * 2 ? text[..(maxLength * 2)] : text;
        var normalized = Normalize(cut);
        var collapsed = string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > maxLength ? collapsed[..maxLength] : collapsed;
    }

    private static void Append(StringBuilder output, List<int> starts, List<int> ends, char c, int start, int end)
    {
        output.Append(c);
        starts.Add(start);
        ends.Add(end);
    }

    // ASCII, precomposed syllables and keyboard jamo need no NFKC, unless a combining mark or conjoining jamo follows.
    // Compatibility jamo must skip NFKC anyway: it would turn the ㅅ people type into a conjoining jamo.
    private static bool IsFast(string text, int i)
    {
        var c = text[i];
        if (!(c < 0x80 || Hangul.IsSyllable(c) || Hangul.IsCompatibilityJamo(c)))
        {
            return false;
        }

        if (i + 1 >= text.Length)
        {
            return true;
        }

        var next = text[i + 1];
        return next < 0x300 || next is >= '\uAC00' and <= '\uD7A3' || next is >= '\u3131' and <= '\u318E'
            || next < 0x1100 && CharUnicodeInfo.GetUnicodeCategory(next) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }

    private static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.IsAsciiLetterOrDigit(c) ? c : ' ';
        }

        if (Hangul.IsSyllable(c) || Hangul.IsCompatibilityJamo(c))
        {
            return c;
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
    }
}
