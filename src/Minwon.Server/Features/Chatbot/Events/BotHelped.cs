using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot.Events;

/// <summary>The citizen said the bot's answer helped.</summary>
[EventType("BotHelped")]
public sealed record BotHelped(string? ArticleId) : IEvent;
