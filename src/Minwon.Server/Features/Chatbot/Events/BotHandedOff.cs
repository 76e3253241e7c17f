using Minwon.Core.Chatbot;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot.Events;

/// <summary>The bot handed the conversation to the counsellors' queue.</summary>
[EventType("BotHandedOff")]
public sealed record BotHandedOff(HandoffReason Reason, int QueueId) : IEvent;
