using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Refuses hub handshakes and negotiations from foreign origins (cross-site WebSocket hijacking): only the
/// server's own origin and the configured embedding sites may connect. Requests without an Origin (native
/// clients, server-to-server) are allowed; browsers always send one.
/// </summary>
public sealed class HubOriginGuard(RequestDelegate next, IOptions<ChatOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/hubs")
            && context.Request.Headers.Origin is [{ Length: > 0 } origin]
            && !IsAllowed(context.Request, origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title = "허용되지 않은 출처입니다.", status = 403 }, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
}
