using System.Text;
using MimeKit.Text;

namespace Minwon.Server.Features.ChannelAdapters.Email;

/// <summary>
/// An HTML mail body reduced to plain text with MimeKit's HTML tokenizer: text kept (entities decoded), line breaks at
/// block elements, and nothing of scripts, styles, comments or tags, so nothing active reaches a screen. Every screen
/// escapes message text anyway; this keeps the stored text readable.
/// </summary>
public static class MailText
{
    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.Br, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3,
        HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.HR,
    ];

    public static string FromHtml(string html)
    {
        var text = new StringBuilder();
        var skip = 0;
        var quote = 0;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title:
                    skip = Math.Max(0, skip + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.BlockQuote:
                    // Quoted history in an HTML reply lives in blockquotes; it is left out like "> " lines.
                    quote = Math.Max(0, quote + (tag.IsEndTag ? -1 : 1));
                    text.Append('\n');
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when skip == 0 && quote == 0:
                    text.Append(data.Data);
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return System.Text.RegularExpressions.Regex.Replace(string.Join('\n', lines), "\n{3,}", "\n\n").Trim();
    }
}
