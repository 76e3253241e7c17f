using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>Warm transfer, step one: the counsellor consults a colleague (<c>With</c>) while the caller waits.</summary>
[EventType("CallConsultStarted")]
public sealed record CallConsultStarted(string AgentId, string With, Guid CallId) : IEvent;
