using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>The counsellor answered the call offered to them. Rows written before the record carry no <c>CallId</c> (empty).</summary>
[EventType("CallAnswered")]
public sealed record CallAnswered(string AgentId, Guid CallId) : IEvent;
