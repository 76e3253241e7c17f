using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <summary>The telephony key (Minwon:Voice:ApiKey) and the same-origin rule for browser media sockets.</summary>
public static class VoiceAuth
{
    /// <summary>The key from the X-Api-Key header or the ?key= query parameter (carriers cannot set headers on a stream).</summary>
    public static bool RequestHasKey(HttpContext http, IOptions<VoiceOptions> options) =>
        SharedKey.Matches(options.Value.ApiKey, http.Request.Headers["X-Api-Key"].ToString())
        || SharedKey.Matches(options.Value.ApiKey, http.Request.Query["key"].ToString());

    /// <summary>
    /// Browser WebSockets carry cookies across sites, so a foreign page must not open them (cross-site WebSocket
    /// hijacking): only this server's own origin and the configured chat embedding sites may. No Origin header means
    /// no browser.
    /// </summary>
    public static bool OriginAllowed(HttpContext http, IEnumerable<string> allowed) =>
        http.Request.Headers.Origin is not [{ Length: > 0 } origin]
        || Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
}
