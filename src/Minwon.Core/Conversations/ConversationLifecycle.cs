namespace Minwon.Core.Conversations;

/// <summary>
/// The pure transition table of a conversation. The server applies it inside the transaction that changes the
/// row, so two nodes racing on one conversation cannot both move it (the loser gets
/// <see cref="InvalidTransitionException"/> or a concurrency conflict).
/// </summary>
public static class ConversationLifecycle
{
    private static readonly Dictionary<(ConversationStatus From, ConversationTrigger Trigger), ConversationStatus> Table = new()
    {
        [(ConversationStatus.New, ConversationTrigger.Enqueue)] = ConversationStatus.Queued,
        [(ConversationStatus.New, ConversationTrigger.BotResolved)] = ConversationStatus.Closed,
        [(ConversationStatus.New, ConversationTrigger.CitizenLeft)] = ConversationStatus.Abandoned,

        [(ConversationStatus.Queued, ConversationTrigger.Offer)] = ConversationStatus.Offered,
        [(ConversationStatus.Queued, ConversationTrigger.CitizenLeft)] = ConversationStatus.Abandoned,
        [(ConversationStatus.Queued, ConversationTrigger.Overflow)] = ConversationStatus.Queued,
        [(ConversationStatus.Queued, ConversationTrigger.CallbackBooked)] = ConversationStatus.Closed,

        [(ConversationStatus.Offered, ConversationTrigger.Accept)] = ConversationStatus.Assigned,
        [(ConversationStatus.Offered, ConversationTrigger.Decline)] = ConversationStatus.Queued,
        [(ConversationStatus.Offered, ConversationTrigger.OfferTimeout)] = ConversationStatus.Queued,
        [(ConversationStatus.Offered, ConversationTrigger.CitizenLeft)] = ConversationStatus.Abandoned,
        [(ConversationStatus.Offered, ConversationTrigger.CallbackBooked)] = ConversationStatus.Closed,

        [(ConversationStatus.Assigned, ConversationTrigger.Transfer)] = ConversationStatus.Queued,
        [(ConversationStatus.Assigned, ConversationTrigger.EndChat)] = ConversationStatus.WrapUp,
        [(ConversationStatus.Assigned, ConversationTrigger.CitizenLeft)] = ConversationStatus.WrapUp,

        // The citizen often closes the window after the counsellor has ended the chat; that changes nothing.
        [(ConversationStatus.WrapUp, ConversationTrigger.CitizenLeft)] = ConversationStatus.WrapUp,
        [(ConversationStatus.WrapUp, ConversationTrigger.Close)] = ConversationStatus.Closed,
    };

    /// <summary>Every legal (from, trigger, to) row, for documentation and tests.</summary>
    public static IEnumerable<(ConversationStatus From, ConversationTrigger Trigger, ConversationStatus To)> Transitions =>
        Table.Select(row => (row.Key.From, row.Key.Trigger, row.Value));

    /// <summary>Whether some trigger moves a conversation from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(ConversationStatus from, ConversationStatus to) =>
        Table.Any(row => row.Key.From == from && row.Value == to);

    public static bool CanApply(ConversationStatus from, ConversationTrigger trigger) =>
        Table.ContainsKey((from, trigger));

    public static bool TryTransition(ConversationStatus from, ConversationTrigger trigger, out ConversationStatus to) =>
        Table.TryGetValue((from, trigger), out to);

    /// <exception cref="InvalidTransitionException">The trigger is not allowed in <paramref name="from"/>.</exception>
    public static ConversationStatus Transition(ConversationStatus from, ConversationTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : throw new InvalidTransitionException(from, trigger);

    /// <summary>Closed and Abandoned conversations never change again.</summary>
    public static bool IsTerminal(ConversationStatus status) =>
        status is ConversationStatus.Closed or ConversationStatus.Abandoned;
}
