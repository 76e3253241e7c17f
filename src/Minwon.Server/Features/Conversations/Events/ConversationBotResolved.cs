using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>The citizen left satisfied by the bot; no counsellor was needed.</summary>
[EventType("ConversationBotResolved")]
public sealed record ConversationBotResolved(int? QueueId) : IEvent;
