using System.Security.Cryptography;
using System.Text;

namespace Minwon.Core.VisualArs;

/// <summary>
/// The token in a texted visual ARS link: the call id and an expiry, signed with HMAC-SHA256 (tag truncated to
/// 128 bits to keep the SMS short). Anyone can read the call id; nobody can forge or extend one without the key.
/// </summary>
public static class ArsLinkToken
{
    private const int TagBytes = 16;

    public static string Create(ReadOnlySpan<byte> key, string callId, DateTimeOffset expiresAt)
    {
        if (callId.Length is 0 or > 64 || callId.Contains('|'))
        {
            throw new ArgumentException("The call id must be 1-64 characters without '|'.", nameof(callId));
        }

        var payload = Encoding.UTF8.GetBytes($"{callId}|{expiresAt.ToUnixTimeSeconds()}");
        var tag = HMACSHA256.HashData(key, payload).AsSpan(0, TagBytes);
        return $"{Base64Url(payload)}.{Base64Url(tag)}";
    }

    public static ArsLinkCheck Verify(ReadOnlySpan<byte> key, string? token, DateTimeOffset now, out string? callId)
    {
        callId = null;
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || token.Length > 300 || dot <= 0)
        {
            return ArsLinkCheck.Invalid;
        }

        byte[] payload;
        byte[] tag;
        try
        {
            payload = FromBase64Url(token[..dot]);
            tag = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return ArsLinkCheck.Invalid;
        }

        var expected = HMACSHA256.HashData(key, payload).AsSpan(0, TagBytes);
        if (tag.Length != TagBytes || !CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            return ArsLinkCheck.Invalid;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var seconds))
        {
            return ArsLinkCheck.Invalid;
        }

        if (now >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            return ArsLinkCheck.Expired;
        }

        callId = parts[0];
        return ArsLinkCheck.Valid;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
