using Minwon.Core.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection.Events;

/// <summary>The counsellor ended an abusive contact under the protection protocol.</summary>
[EventType("AbusiveContactEnded")]
public sealed record AbusiveContactEnded(Guid IncidentId, AbuseLabel Label, int WarningsGiven) : IEvent;
