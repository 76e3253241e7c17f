using Minwon.Core.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>A chat opened with the bot answering first; it counts in the queue a hand-off would go to.</summary>
[EventType("ConversationStarted")]
public sealed record ConversationStarted(int QueueId, string Channel, string Language, bool Bot) : IEvent;
