namespace Minwon.Core.Channels;

/// <summary>
/// Recognises mail no person wrote: auto-replies (RFC 3834 Auto-Submitted, the X-Autoreply family, Precedence bulk/
/// junk/list) and bounces (multipart/report delivery status, the null sender, MAILER-DAEMON). Answering them would
/// start a loop of robots writing to each other.
/// </summary>
public static class AutoReply
{
    /// <param name="header">A header's value by name (case-insensitive), or null.</param>
    public static bool IsAutomatic(Func<string, string?> header, string? contentType, string? fromAddress)
    {
        if (header("Auto-Submitted") is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (header("X-Autoreply") is not null || header("X-Autorespond") is not null || header("X-Auto-Response-Suppress") is { } s
            && s.Contains("All", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (header("Precedence")?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        {
            return true;
        }

        if (contentType is { } type && type.StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (header("Return-Path")?.Trim() == "<>")
        {
            return true;
        }

        var local = fromAddress?.Split('@')[0].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" or "noreply" or "no-reply" or "donotreply";
    }
}
