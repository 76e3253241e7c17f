namespace Minwon.Core.TextSafety;

/// <summary>
/// Korean passport numbers: a type letter (M, S, R, O, D, G) then eight digits (M12345678), or, since December 2021,
/// letter, three digits, letter, four digits (M123A4567).
/// </summary>
internal static class PassportFinder
{
    public static void Find(string text, List<PiiSpan> spans)
    {
        for (var i = 0; i + 9 <= text.Length; i++)
        {
            if (char.ToUpperInvariant(text[i]) is not ('M' or 'S' or 'R' or 'O' or 'D' or 'G')
                || i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])
                || i + 9 < text.Length && char.IsAsciiLetterOrDigit(text[i + 9]))
            {
                continue;
            }

            if (Digits(text, i + 1, 8) || Digits(text, i + 1, 3) && char.IsAsciiLetter(text[i + 4]) && Digits(text, i + 5, 4))
            {
                spans.Add(new PiiSpan(i, i + 9, PiiKind.Passport));
                i += 8;
            }
        }
    }

    private static bool Digits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
