using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection.Events;

/// <summary>The counsellor sent the citizen a protection warning.</summary>
[EventType("AbuseWarningGiven")]
public sealed record AbuseWarningGiven(Guid IncidentId, int Number) : IEvent;
