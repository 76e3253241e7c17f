namespace Minwon.Core.TextSafety;

/// <summary>E-mail addresses found from each '@' outwards: a local part and a dotted domain ending in letters.</summary>
internal static class EmailFinder
{
    public static void Find(string text, List<PiiSpan> spans)
    {
        var from = 0;
        while (from < text.Length && text.IndexOf('@', from) is var at and >= 0)
        {
            from = at + 1;
            var start = at;
            while (start > 0 && IsLocal(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            if (start == at)
            {
                continue;
            }

            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
            {
                if (text[end] == '.')
                {
                    lastDot = end;
                }

                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            lastDot = end > at + 1 ? text.LastIndexOf('.', end - 1, end - at - 1) : -1;
            if (lastDot <= at + 1 || !TopLevel(text, lastDot + 1, end))
            {
                continue;
            }

            spans.Add(new PiiSpan(start, end, PiiKind.Email));
            from = end;
        }
    }

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool TopLevel(string text, int start, int end)
    {
        if (end - start < 2)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
