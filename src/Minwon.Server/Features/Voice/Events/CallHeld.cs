using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>The counsellor put the caller on hold (the caller hears music).</summary>
[EventType("CallHeld")]
public sealed record CallHeld(string AgentId, Guid CallId) : IEvent;
