using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>A conversation entered a queue to wait for a counsellor (at start, or when the bot handed off; a transfer writes ConversationTransferred).</summary>
[EventType("ConversationQueued")]
public sealed record ConversationQueued(int QueueId, string Channel, string Language) : IEvent;
