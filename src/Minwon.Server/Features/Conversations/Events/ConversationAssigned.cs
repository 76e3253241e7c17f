using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>A counsellor accepted the offer.</summary>
[EventType("ConversationAssigned")]
public sealed record ConversationAssigned(string AgentId, int? QueueId) : IEvent;
