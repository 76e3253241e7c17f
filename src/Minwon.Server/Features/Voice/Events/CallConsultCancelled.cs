using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>The counsellor ended the consultation and is back with the caller.</summary>
[EventType("CallConsultCancelled")]
public sealed record CallConsultCancelled(string AgentId, Guid CallId) : IEvent;
