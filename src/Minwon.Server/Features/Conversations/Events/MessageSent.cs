using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Events;

/// <summary>A message was stored in a conversation (text from a citizen, counsellor or the bot, or a visible system line). Carries no text: consumers read the masked body by (conversation, seq).</summary>
[EventType("MessageSent")]
public sealed record MessageSent(int Seq, MessageKind Kind, MessageSender Sender, AbuseLabel Abuse) : IEvent;
