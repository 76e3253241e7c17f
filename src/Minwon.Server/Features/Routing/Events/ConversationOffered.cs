using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Routing.Events;

/// <summary>The router offered a waiting conversation to a counsellor.</summary>
[EventType("ConversationOffered")]
public sealed record ConversationOffered(string AgentId, int? QueueId) : IEvent;
