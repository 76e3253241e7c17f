using System.Net.Mime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Minwon.Server.Platform;

/// <summary>
/// Answers an empty error status. A browser asking for a page that does not exist (GET, Accept names text/html, not
/// under /api) gets a small Korean HTML 404 page with a link home; everyone else, and everything under /api whatever it
/// accepts, gets the framework's handler: ProblemDetails (see <see cref="ApiProblemWriter"/>).
/// </summary>
internal static class NotFoundPage
{
    private static readonly StatusCodePagesOptions Framework = new();

    private const string Html = """
        <!doctype html>
        <html lang="ko">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>페이지를 찾을 수 없습니다 · Minwon 120</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/staff.css">
        </head>
        <body>
        <header class="top"><a class="brand" href="/">Minwon 120</a></header>
        <main class="page">
        <section class="card notfound">
        <h1>페이지를 찾을 수 없습니다</h1>
        <p>주소가 바뀌었거나 없는 페이지입니다. 주소를 다시 확인해 주세요.</p>
        <p><a href="/">처음 화면으로 가기</a> · <a href="/chat">120 채팅 상담</a></p>
        <p class="muted" lang="en">Page not found. <a href="/">Go to the home page</a>.</p>
        </section>
        </main>
        </body>
        </html>
        """;

    public static Task HandleAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || !WantsPage(http.Request))
        {
            return Framework.HandleAsync(context);
        }

        http.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.WriteAsync(Html, http.RequestAborted);
    }

    private static bool WantsPage(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(a => a.MediaType.Equals(MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }
}
