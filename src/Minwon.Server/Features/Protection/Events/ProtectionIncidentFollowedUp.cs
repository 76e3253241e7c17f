using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection.Events;

/// <summary>A supervisor recorded the follow-up of an incident.</summary>
[EventType("ProtectionIncidentFollowedUp")]
public sealed record ProtectionIncidentFollowedUp(Guid IncidentId) : IEvent;
