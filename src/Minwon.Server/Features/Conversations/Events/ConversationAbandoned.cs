using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>The citizen left before a counsellor took the conversation.</summary>
[EventType("ConversationAbandoned")]
public sealed record ConversationAbandoned(int? QueueId) : IEvent;
