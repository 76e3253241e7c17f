using System.Text;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Removes characters that carry no text but can hide or disguise it: C0 and C1 controls (NUL, ESC, NEL ...), DEL, and
/// the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that make "txt.exe" read as
/// "exe.txt". Messages keep line breaks and tabs; a display name is one line and also loses the bidi marks (LRM, RLM,
/// ALM), so a name can never reorder the text shown around it.
/// </summary>
public static class UnsafeCharacters
{
    public static string CleanMessage(string text) => Clean(text, singleLine: false);

    public static string CleanName(string text) => Clean(text, singleLine: true);

    private static string Clean(string text, bool singleLine)
    {
        if (!text.Any(c => IsUnsafe(c) || (singleLine && (IsLineOrTab(c) || IsBidiMark(c))) || c == '\r'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // CR LF and a lone CR both become one line break.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (IsLineOrTab(c))
            {
                result.Append(singleLine ? ' ' : c);
            }
            else if (!IsUnsafe(c) && !(singleLine && IsBidiMark(c)))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsLineOrTab(char c) => c is '\n' or '\t';

    private static bool IsUnsafe(char c) =>
        (c < 0x20 && !IsLineOrTab(c) && c != '\r') || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    private static bool IsBidiMark(char c) => c is '\u200e' or '\u200f' or '\u061c';
}
