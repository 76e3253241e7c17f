using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>The counsellor took the caller off hold.</summary>
[EventType("CallResumed")]
public sealed record CallResumed(string AgentId, Guid CallId) : IEvent;
