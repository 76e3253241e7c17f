using Minwon.Core.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection.Events;

/// <summary>An abusive citizen message opened (or was counted into) the conversation's protection incident.</summary>
[EventType("ProtectionIncidentOpened")]
public sealed record ProtectionIncidentOpened(Guid IncidentId, AbuseLabel Label, int MessageSeq) : IEvent;
