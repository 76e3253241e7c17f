namespace Minwon.Core.Routing;

/// <summary>A waiting contact (conversation) on the routing board.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="RequiredSkills">Every skill must be held (proficiency at least 1) by the counsellor; order and duplicates do not matter.</param>
/// <param name="Priority">Larger is more urgent.</param>
/// <param name="EnqueuedAt">When the contact started waiting; earlier is served first within a priority.</param>
/// <param name="ExcludedAgents">Counsellors who declined or let an offer of this contact time out.</param>
/// <param name="PreferredAgentId">A named counsellor (transfer); honoured only while that counsellor is eligible.</param>
public sealed record RoutingContact(
    Guid Id,
    IReadOnlyList<string> RequiredSkills,
    int Priority,
    DateTimeOffset EnqueuedAt,
    IReadOnlyCollection<string> ExcludedAgents,
    string? PreferredAgentId = null);
