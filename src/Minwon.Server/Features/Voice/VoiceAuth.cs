using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Voice;

/// <summary>The telephony key (Minwon:Voice:ApiKey) and the same-origin rule for browser media sockets.</summary>
public static class VoiceAuth
{
    public static bool KeyMatches(string configured, string? presented) =>
        configured.Length > 0 && presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>The key from the X-Api-Key header or the ?key= query parameter (carriers cannot set headers on a stream).</summary>
    public static bool RequestHasKey(HttpContext http, IOptions<VoiceOptions> options) =>
        KeyMatches(options.Value.ApiKey, http.Request.Headers["X-Api-Key"].ToString())
        || KeyMatches(options.Value.ApiKey, http.Request.Query["key"].ToString());

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
