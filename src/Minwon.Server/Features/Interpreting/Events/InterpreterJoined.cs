using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Interpreting.Events;

/// <summary>A counsellor added a staff interpreter to the conversation (issue 16).</summary>
[EventType("InterpreterJoined")]
public sealed record InterpreterJoined(Guid JoinId, string InterpreterId, string Language, string AddedBy) : IEvent;
