using System.Net;
using Lucene.Net.Search.Highlight;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// Escapes article text for the highlighted passage (&lt; &gt; &amp; and quotes). Lucene's SimpleHTMLEncoder
/// also turns every Hangul syllable into a numeric entity, which is safe but six times the size and unreadable.
/// </summary>
public sealed class HtmlTextEncoder : IEncoder
{
    public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
}
