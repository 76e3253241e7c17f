using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>
/// The call is over; <c>Cause</c> is the record's hang-up cause (caller-hangup, agent-hangup, transport-error, node-restart
/// when its node started again, node-lost when another node ended the calls of a node that died, ...).
/// </summary>
[EventType("CallEnded")]
public sealed record CallEnded(Guid CallId, string? Cause) : IEvent;
