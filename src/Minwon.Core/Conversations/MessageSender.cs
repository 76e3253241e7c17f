namespace Minwon.Core.Conversations;

/// <summary>Who wrote a message, or who ended a conversation.</summary>
public enum MessageSender
{
    Citizen,
    Agent,
    Bot,
    System,
}
