using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>A counsellor handed the conversation to a queue or a named colleague.</summary>
[EventType("ConversationTransferred")]
public sealed record ConversationTransferred(string From, int ToQueue, string? ToAgent) : IEvent;
