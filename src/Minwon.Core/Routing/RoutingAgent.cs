namespace Minwon.Core.Routing;

/// <summary>A counsellor on the routing board.</summary>
/// <param name="Id">Stable counsellor id (compared ordinally).</param>
/// <param name="Skills">Skill name to proficiency 1..10; a skill with proficiency below 1 counts as absent.</param>
/// <param name="MaxConcurrent">How many contacts the counsellor may hold at once (chat counsellors often take 2-3).</param>
/// <param name="ActiveContacts">Contacts the counsellor holds now.</param>
/// <param name="Presence">Only <see cref="Presence.Available"/> counsellors are offered contacts.</param>
/// <param name="IdleSince">When the counsellor last became free; the longest idle is preferred.</param>
public sealed record RoutingAgent(
    string Id,
    IReadOnlyDictionary<string, int> Skills,
    int MaxConcurrent,
    int ActiveContacts,
    Presence Presence,
    DateTimeOffset IdleSince);
