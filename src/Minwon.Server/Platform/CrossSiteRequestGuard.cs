using Microsoft.Extensions.Options;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Platform;

/// <summary>
/// Refuses cross-site request forgery in one place, for every endpoint: a state-changing request (POST, PUT, PATCH,
/// DELETE) and every real-time request (/_blazor, /hubs, WebSockets) must come from a page Minwon served, unless the
/// endpoint widens its <see cref="CrossSitePolicy"/>. Browsers say where a request comes from in Sec-Fetch-Site
/// (which a page cannot forge) and Origin; "same-site" is refused too, because SameSite cookies travel between two
/// ports of one host. A request with neither header is not from a browser (an SMS gateway, a script with an API key,
/// the CLI) and carries no ambient browser cookie, so it passes.
/// </summary>
public sealed partial class CrossSiteRequestGuard(RequestDelegate next, IOptions<ChatOptions> chat, ILogger<CrossSiteRequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var realtime = request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/hubs") || context.WebSockets.IsWebSocketRequest;
        if (!realtime && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)))
        {
            await next(context);
            return;
        }

        var policy = context.GetEndpoint()?.Metadata.GetMetadata<CrossSiteMetadata>()?.Policy ?? CrossSitePolicy.SameOrigin;
        if (policy == CrossSitePolicy.AnyOrigin || IsAllowed(request, policy))
        {
            await next(context);
            return;
        }

        // The route pattern, not the path: a citizen chat path carries the conversation token.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value ?? "";
        LogRefused(logger, request.Method, route, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "다른 사이트에서 보낸 요청은 받지 않습니다.",
            Detail = "Minwon 화면에서 다시 시도해 주세요.",
        }, options: null, contentType: "application/problem+json", context.RequestAborted);
    }

    private bool IsAllowed(HttpRequest request, CrossSitePolicy policy)
    {
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "same-origin" or "none")
        {
            return true;
        }

        if (site.Length == 0 && origin.Length == 0)
        {
            return true;
        }

        if (policy == CrossSitePolicy.EmbeddingSites && origin.Length > 0
            && chat.Value.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        // Browsers without Fetch Metadata still send Origin on every cross-origin POST and WebSocket handshake.
        return site.Length == 0 && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cross-site {Method} {Route} (Origin '{Origin}', Sec-Fetch-Site '{Site}')")]
    private static partial void LogRefused(ILogger logger, string method, string route, string origin, string site);
}
