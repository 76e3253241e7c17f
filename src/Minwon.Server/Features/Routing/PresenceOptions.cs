namespace Minwon.Server.Features.Routing;

/// <summary>Settings under "Minwon:Presence": how presence follows a counsellor's connections (docs/routing.md).</summary>
public sealed class PresenceOptions
{
    public const string Section = "Minwon:Presence";

    /// <summary>With no live connection (desk tab, staff hub) for this long, a counsellor becomes 자리 비움 (Away) and open offers are withdrawn.
    /// Short, but longer than a page reload or a phone's network switch.</summary>
    public int AwayAfterSeconds { get; set; } = 20;

    /// <summary>With no live connection for this long, the counsellor becomes 오프라인 (Offline) and must choose a state again.</summary>
    public int OfflineAfterSeconds { get; set; } = 600;

    /// <summary>With no live connection for this long, the counsellor's text chats go back to their queue (without them), so
    /// a citizen is never left with a counsellor who has gone; 0 keeps them. Calls are not moved: their media ends with the leg.</summary>
    public int RequeueChatsAfterSeconds { get; set; } = 120;

    /// <summary>How often each node rewrites its own connection rows and removes those of nodes whose lease is free.</summary>
    public int SyncSeconds { get; set; } = 5;
}
