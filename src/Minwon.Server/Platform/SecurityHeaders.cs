using Microsoft.Extensions.Options;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Platform;

/// <summary>
/// Browser security headers on every answer (pages, static files, API, errors): a Content-Security-Policy that allows
/// scripts only from Minwon's own files (no inline script anywhere: the pages load theirs from wwwroot), nosniff and a
/// referrer policy. Style attributes stay allowed because Blazor renders them. Citizen chat (/chat) may be framed by
/// the sites in Minwon:Chat:AllowedOrigins, for the embed script; nothing else may be framed at all.
/// An endpoint that sets its own Content-Security-Policy keeps it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<ChatOptions> chat)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framable = context.Request.Path.StartsWithSegments("/chat");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (headers.ContentSecurityPolicy.Count == 0)
            {
                var host = context.Request.Host.Value;
                var ancestors = framable ? string.Join(' ', ["'self'", .. chat.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))]) : "'none'";
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + $"connect-src 'self' ws://{host} wss://{host}; object-src 'none'; base-uri 'self'; form-action 'self'; "
                    + $"frame-ancestors {ancestors}";
            }

            if (!framable)
            {
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
