namespace Minwon.Server.Features.Conversations;

/// <summary>Settings under "Minwon:Chat".</summary>
public sealed class ChatOptions
{
    public const string Section = "Minwon:Chat";

    /// <summary>Local opening time and closing time ("09:00-18:00"); the default serves around the clock like 120.</summary>
    public string OpenHours { get; set; } = "00:00-24:00";

    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>How long a counsellor has to accept an offer before it goes to the next one.</summary>
    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>Flood limit per conversation (hub and REST together): a burst, then this many messages per minute.</summary>
    public int CitizenBurst { get; set; } = 10;

    public int CitizenMessagesPerMinute { get; set; } = 40;

    /// <summary>Flood limit per client address over all its conversations; generous, as mobile carriers put many
    /// citizens behind one address.</summary>
    public int CitizenAddressBurst { get; set; } = 60;

    public int CitizenAddressMessagesPerMinute { get; set; } = 300;

    /// <summary>New chats and web calls a client address may open a minute (a token bucket of this size).</summary>
    public int CitizenAddressStartsPerMinute { get; set; } = 600;

    /// <summary>
    /// Message posts (REST and hub) this node works on at once (<see cref="MessagePostLimiter"/>); 0 = half the PostgreSQL
    /// pool's Maximum Pool Size (50 by default), 16 on SQLite
    /// (<see cref="MessagePostLimiter.SqlitePermits"/>).
    /// </summary>
    public int MaxPostsInFlight { get; set; }

    /// <summary>Posts that may wait for a permit; -1 = as many as <see cref="MaxPostsInFlight"/>. Beyond it: 503 at once.</summary>
    public int PostQueueLength { get; set; } = -1;

    /// <summary>How long a queued post waits for a permit before it is answered 503 with Retry-After.</summary>
    public int PostQueueWaitMilliseconds { get; set; } = 2000;

    /// <summary>Origins allowed to open the citizen hub besides the server's own (the city's web site, for the embed).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <param name="local">Now on the city's clock (<see cref="Platform.CityClock.Now"/>), which honours <see cref="TimeZone"/>.</param>
    public bool IsOpen(DateTimeOffset local)
    {
        var parts = OpenHours.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeSpan.TryParse(parts[0], out var open))
        {
            return true;
        }

        var close = parts[1] == "24:00" ? TimeSpan.FromHours(24) : TimeSpan.TryParse(parts[1], out var c) ? c : TimeSpan.FromHours(24);
        var time = local.TimeOfDay;
        return open <= close ? time >= open && time < close : time >= open || time < close;
    }
}
