using System.Text.RegularExpressions;

namespace Minwon.Core.Channels;

/// <summary>
/// Cuts the quoted history off a mail reply, so the conversation holds what the citizen wrote this time: everything
/// from the first attribution line ("On ... wrote:", "2026년 12월 6일 ... 작성:", "-----Original Message-----",
/// "-----원본 메시지-----", an Outlook "From:/보낸 사람:" header block) or the first run of "&gt;" lines at the end.
/// </summary>
public static partial class MailQuotes
{
    public static string TrimQuoted(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cut = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Attribution().IsMatch(line) || Separator().IsMatch(line)
                || HeaderStart().IsMatch(line) && i + 1 < lines.Length && HeaderNext().IsMatch(lines[i + 1].Trim()))
            {
                cut = i;
                break;
            }
        }

        // Quoted lines ("> ...") after what was kept, and the blank lines between, belong to the history too.
        var end = cut;
        while (end > 0 && (lines[end - 1].TrimStart().StartsWith('>') || lines[end - 1].Trim().Length == 0))
        {
            end--;
        }

        var kept = string.Join('\n', lines[..end]).Trim();
        // A reply that is only a quote (someone forwarded it back): keep the text rather than nothing.
        return kept.Length > 0 ? kept : text.Trim();
    }

    [GeneratedRegex(@"^(On .{4,200} wrote:|.{4,200}(님이 작성|작성했습니다|님이 씀|wrote)\s*:?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Forwarded message|원본 메시지|전달된 메시지)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(From|보낸 사람|보낸사람)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderStart();

    [GeneratedRegex(@"^(Sent|Date|To|보낸 날짜|날짜|받는 사람|받는사람)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderNext();
}
