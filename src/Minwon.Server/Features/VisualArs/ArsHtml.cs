using System.Text;
using System.Text.Encodings.Web;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Builds the citizen pages as plain server-rendered HTML: a few kilobytes, readable without JavaScript, and
/// holding no server-side UI state. Every dynamic string goes through E() (HTML encoding).
/// </summary>
public sealed class ArsHtml(string language)
{
    private readonly StringBuilder body = new();

    public string Language { get; } = language;

    // Hangul stays literal (not &#x...; entities): a third of the bytes, and readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public string T(string key) => ArsText.T(key, Language);

    /// <summary>Adds ?lang=en (or &amp;lang=en) to a local URL when the page is in English.</summary>
    public string U(string url) => Language == "en" ? url + (url.Contains('?') ? "&lang=en" : "?lang=en") : url;

    public ArsHtml Raw(string html)
    {
        body.Append(html);
        return this;
    }

    public ArsHtml Text(string text)
    {
        body.Append(E(text));
        return this;
    }

    public static IResult Result(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    public string Page(string title, IReadOnlyList<ArsNotice> notices, string switchLanguageUrl)
    {
        var notice = new StringBuilder();
        foreach (var n in notices)
        {
            notice.Append("<li><strong>").Append(E(Language == "en" ? n.TitleEn : n.TitleKo)).Append("</strong>");
            var detail = Language == "en" ? n.BodyEn : n.BodyKo;
            if (!string.IsNullOrWhiteSpace(detail))
            {
                notice.Append(' ').Append(E(detail));
            }

            notice.Append("</li>");
        }

        return $"""
            <!doctype html>
            <html lang="{(Language == "en" ? "en" : "ko")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="same-origin">
            <title>{E(title)} · {E(T("title"))}</title>
            <link rel="stylesheet" href="/ars/ars.css">
            <script src="/ars/ars.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">{E(T("skip"))}</a>
            <header class="bar">
            <a class="brand" href="{E(U("/ars"))}">{E(T("title"))}</a>
            <a class="lang" href="{E(switchLanguageUrl)}" lang="{(Language == "en" ? "ko" : "en")}">{E(T("other"))}</a>
            </header>
            <section id="notices" class="notices" aria-label="{E(T("notices"))}" data-count="{notices.Count}"{(notices.Count == 0 ? " hidden" : "")}>
            <h2 class="sr-only">{E(T("notices"))}</h2>
            <ul>{notice}</ul>
            </section>
            <main id="main">
            {body}
            </main>
            <footer class="foot"><a href="{E(U("/ars/status"))}">{E(T("status"))}</a> · <a href="tel:120">{E(T("call"))}</a></footer>
            </body>
            </html>
            """;
    }

    /// <summary>The search box shown on every menu page.</summary>
    public ArsHtml SearchBox(string? query = null)
    {
        body.Append($"""
            <form class="search" role="search" action="/ars/search" method="get">
            <label for="q">{E(T("search"))}</label>
            <div class="row"><input id="q" name="q" type="search" value="{E(query)}" placeholder="{E(T("searchPlaceholder"))}" maxlength="50">
            {(Language == "en" ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")}<button type="submit">{E(T("searchButton"))}</button></div>
            </form>
            """);
        return this;
    }
}
