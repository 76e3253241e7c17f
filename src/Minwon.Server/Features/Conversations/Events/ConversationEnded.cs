using Minwon.Core.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>The talk ended (the counsellor ended it or the citizen left); wrap-up follows.</summary>
[EventType("ConversationEnded")]
public sealed record ConversationEnded(MessageSender By, string? AgentId) : IEvent;
