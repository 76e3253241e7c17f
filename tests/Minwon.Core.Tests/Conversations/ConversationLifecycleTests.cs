using Minwon.Core.Conversations;
using static Minwon.Core.Conversations.ConversationStatus;
using static Minwon.Core.Conversations.ConversationTrigger;

namespace Minwon.Core.Tests.Conversations;

public sealed class ConversationLifecycleTests
{
    // The whole legal table, written out independently of the implementation.
    private static readonly (ConversationStatus From, ConversationTrigger Trigger, ConversationStatus To)[] Legal =
    [
        (New, Enqueue, Queued),
        (New, BotResolved, Closed),
        (New, CitizenLeft, Abandoned),
        (Queued, Offer, Offered),
        (Queued, CitizenLeft, Abandoned),
        (Queued, Overflow, Queued),
        (Queued, CallbackBooked, Closed),
        (Offered, Accept, Assigned),
        (Offered, Decline, Queued),
        (Offered, OfferTimeout, Queued),
        (Offered, CitizenLeft, Abandoned),
        (Offered, CallbackBooked, Closed),
        (Assigned, Transfer, Queued),
        (Assigned, EndChat, WrapUp),
        (Assigned, CitizenLeft, WrapUp),
        (WrapUp, CitizenLeft, WrapUp),
        (WrapUp, Close, Closed),
    ];

    public static TheoryData<ConversationStatus, ConversationTrigger, ConversationStatus> LegalMoves =>
        new(Legal.Select(row => (row.From, row.Trigger, row.To)));

    public static TheoryData<ConversationStatus, ConversationTrigger> IllegalMoves =>
        new(
            from status in Enum.GetValues<ConversationStatus>()
            from trigger in Enum.GetValues<ConversationTrigger>()
            where !Legal.Any(row => row.From == status && row.Trigger == trigger)
            select (status, trigger));

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Moves_on_a_legal_trigger(ConversationStatus from, ConversationTrigger trigger, ConversationStatus to)
    {
        Assert.Equal(to, ConversationLifecycle.Transition(from, trigger));
        Assert.True(ConversationLifecycle.CanApply(from, trigger));
        Assert.True(ConversationLifecycle.CanTransition(from, to));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Refuses_an_illegal_trigger_with_a_clear_error(ConversationStatus from, ConversationTrigger trigger)
    {
        var error = Assert.Throws<InvalidTransitionException>(() => ConversationLifecycle.Transition(from, trigger));

        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Equal(from, error.From);
        Assert.Equal(trigger, error.Trigger);
        Assert.Contains(from.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(trigger.ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(ConversationLifecycle.CanApply(from, trigger));
        Assert.False(ConversationLifecycle.TryTransition(from, trigger, out _));
    }

    [Theory]
    [InlineData(New, Assigned)]
    [InlineData(New, WrapUp)]
    [InlineData(Queued, Assigned)]
    [InlineData(Assigned, Abandoned)]
    [InlineData(Assigned, Closed)]
    [InlineData(WrapUp, Abandoned)]
    [InlineData(Closed, Queued)]
    [InlineData(Abandoned, Queued)]
    [InlineData(Closed, Closed)]
    [InlineData(Offered, WrapUp)]
    public void Has_no_transition_between_these_statuses(ConversationStatus from, ConversationStatus to) =>
        Assert.False(ConversationLifecycle.CanTransition(from, to));

    [Theory]
    [InlineData(New, Abandoned)]
    [InlineData(Queued, Abandoned)]
    [InlineData(Offered, Abandoned)]
    [InlineData(Assigned, WrapUp)]
    [InlineData(WrapUp, WrapUp)]
    public void A_citizen_leaving_abandons_before_assignment_and_wraps_up_after(
        ConversationStatus from,
        ConversationStatus expected) =>
        Assert.Equal(expected, ConversationLifecycle.Transition(from, CitizenLeft));

    [Fact]
    public void Closed_and_abandoned_are_the_only_terminal_statuses()
    {
        foreach (var status in Enum.GetValues<ConversationStatus>())
        {
            var hasExit = Enum.GetValues<ConversationTrigger>().Any(t => ConversationLifecycle.CanApply(status, t));
            Assert.Equal(!hasExit, ConversationLifecycle.IsTerminal(status));
        }
    }

    [Fact]
    public void Publishes_exactly_the_legal_table() =>
        Assert.Equal(
            Legal.OrderBy(r => r.From).ThenBy(r => r.Trigger),
            ConversationLifecycle.Transitions.OrderBy(r => r.From).ThenBy(r => r.Trigger));
}
