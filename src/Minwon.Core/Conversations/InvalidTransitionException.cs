namespace Minwon.Core.Conversations;

/// <summary>A trigger that is not allowed in the conversation's current status (a stale click, a race, a bug).</summary>
public sealed class InvalidTransitionException(ConversationStatus from, ConversationTrigger trigger)
    : InvalidOperationException($"A conversation in status {from} cannot take the trigger {trigger}.")
{
    public ConversationStatus From { get; } = from;

    public ConversationTrigger Trigger { get; } = trigger;
}
