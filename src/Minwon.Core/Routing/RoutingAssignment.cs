namespace Minwon.Core.Routing;

/// <summary>One routing decision: offer contact <paramref name="ContactId"/> to counsellor <paramref name="AgentId"/>.</summary>
public sealed record RoutingAssignment(Guid ContactId, string AgentId);
