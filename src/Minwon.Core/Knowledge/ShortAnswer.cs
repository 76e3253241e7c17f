using System.Net;
using System.Text.RegularExpressions;

namespace Minwon.Core.Knowledge;

/// <summary>The bot's short answer when an article has none of its own: the first sentence(s) of the body as plain text.</summary>
public static partial class ShortAnswer
{
    public const int MaxLength = 200;

    public static string FromBody(string? body, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var text = Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(body, t => BlockTag().IsMatch(t.Value) ? " " : "")), " ").Trim();
        var result = "";
        foreach (Match sentence in Sentence().Matches(text))
        {
            var next = (result + " " + sentence.Value.Trim()).Trim();
            if (result.Length > 0 && next.Length > maxLength)
            {
                break;
            }

            result = next;
            if (result.Length >= maxLength / 3)
            {
                break;
            }
        }

        return result.Length > maxLength ? result[..(maxLength - 1)] + "…" : result;
    }

    [GeneratedRegex("<[^>]{0,500}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^</?(p|br|div|li|ul|ol|tr|td|th|h[1-6]|table|section)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A sentence ends at . ! ? or 。 followed by a space or the end; Korean 다./요. endings are covered by the period.
    // A period inside a word (wetax.go.kr, 3.5) does not end it.
    [GeneratedRegex(@"(?:[^.!?。]|[.!?。]+(?![.!?。]|\s|$))+(?:[.!?。]+(?=\s|$)|$)")]
    private static partial Regex Sentence();
}
