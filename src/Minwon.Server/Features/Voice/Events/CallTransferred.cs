using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Voice.Events;

/// <summary>
/// The call moved on: blind (back to a queue or to a named colleague; <c>Warm</c> false) or warm (the consulted colleague
/// took it; <c>Warm</c> true, no target in the record: the conversation's ConversationTransferred names them).
/// </summary>
[EventType("CallTransferred")]
public sealed record CallTransferred(string From, int? ToQueue, string? ToAgent, bool Warm, Guid CallId) : IEvent;
