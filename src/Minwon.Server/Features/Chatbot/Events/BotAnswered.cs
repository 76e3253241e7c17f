using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot.Events;

/// <summary>The bot answered a question from an article.</summary>
[EventType("BotAnswered")]
public sealed record BotAnswered(string? ArticleId) : IEvent;
