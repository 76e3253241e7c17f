namespace Minwon.Core.Routing;

/// <summary>A counsellor's state as the router sees it; only <see cref="Available"/> is ever offered work.</summary>
public enum Presence
{
    Offline,
    Available,
    Busy,
    Break,
    AfterContactWork,

    /// <summary>Set by the server, never chosen: the counsellor has had no live connection for the grace period.</summary>
    Away,
}
