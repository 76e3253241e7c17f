using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Interpreting.Events;

/// <summary>An interpreter left the conversation: removed by the counsellor, left by themselves, or the conversation ended.</summary>
[EventType("InterpreterLeft")]
public sealed record InterpreterLeft(Guid JoinId, string InterpreterId, string? By, string Reason) : IEvent;
