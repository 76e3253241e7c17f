using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// The messages <see cref="RedisEventSignal"/> reads from the other nodes (<c>node|TypeA,TypeB</c>), bad ones included:
/// none may throw on the subscriber's thread, and none may leave a consumer asleep that the commit may have concerned.
/// </summary>
public sealed class RedisSignalMessageTests
{
    private const string Self = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_message_from_another_node_wakes_the_waiters_for_its_types_and_the_untyped_ones_only()
    {
        var (cases, messages, everything) = Waiters("other|" + EventCatalog.NameOf<CaseClosed>());
        Assert.True(cases);
        Assert.False(messages);
        Assert.True(everything);

        // Spaces around names are not part of them.
        (cases, messages, _) = Waiters($"other| {EventCatalog.NameOf<MessageSent>()} , {EventCatalog.NameOf<CaseClosed>()} ");
        Assert.True(cases);
        Assert.True(messages);
    }

    [Fact]
    public void This_nodes_own_message_wakes_nothing_here()
    {
        var (cases, messages, everything) = Waiters(Self + "|" + EventCatalog.NameOf<CaseClosed>());
        Assert.False(cases || messages || everything);
        (cases, messages, everything) = Waiters(Self);
        Assert.False(cases || messages || everything);
    }

    [Theory]
    [InlineData("other")] // an older node: no type list
    [InlineData("other|")] // a list that names nothing
    [InlineData("other|,,,")]
    [InlineData("other| , ")]
    [InlineData("")]
    [InlineData(null)]
    public void A_message_that_names_no_type_wakes_every_waiter(string? message)
    {
        var (cases, messages, everything) = Waiters(message);
        Assert.True(cases && messages && everything, $"'{message}' left a typed waiter asleep (cases {cases}, messages {messages})");
    }

    [Fact]
    public void Unknown_names_a_bar_in_a_node_id_and_an_oversize_list_wake_only_the_untyped_waiters()
    {
        // A newer node's type (or garbage): nobody here is called by it.
        var (cases, messages, everything) = Waiters("other|NoSuchEvent,AlsoNot");
        Assert.False(cases || messages);
        Assert.True(everything);

        // Everything after the first bar is the list: a foreign node id with a bar in it sends "b|CaseClosed" as a name.
        (cases, messages, everything) = Waiters("a|b|" + EventCatalog.NameOf<CaseClosed>());
        Assert.False(cases || messages);
        Assert.True(everything);

        // 1 MB of names, one of them real: read whole, without throwing.
        var huge = "other|" + string.Join(',', Enumerable.Repeat("X", 500_000).Append(EventCatalog.NameOf<CaseClosed>()));
        (cases, messages, everything) = Waiters(huge);
        Assert.True(cases && everything);
        Assert.False(messages);
    }

    [Fact]
    public void A_node_tells_the_others_exactly_the_types_it_committed_and_sends_nothing_for_none()
    {
        // Nothing committed since the last message (a commit raced it): no message at all. Sent, an empty list would
        // wake every waiter on the other nodes (the theory above).
        Assert.Null(RedisEventSignal.Message("other", []));

        // Types not known: the node alone, which wakes everyone.
        var (cases, messages, everything) = Waiters(RedisEventSignal.Message("other", null));
        Assert.True(cases && messages && everything);

        // Known types: exactly their waiters (and the untyped ones) wake on the other node.
        (cases, messages, everything) = Waiters(RedisEventSignal.Message("other", [EventCatalog.NameOf<CaseClosed>()]));
        Assert.True(cases && everything);
        Assert.False(messages);
        (cases, messages, _) = Waiters(RedisEventSignal.Message("other", [EventCatalog.NameOf<CaseClosed>(), EventCatalog.NameOf<MessageSent>()]));
        Assert.True(cases && messages);
    }

    private static (bool Cases, bool Messages, bool Everything) Waiters(string? message)
    {
        var signal = new EventSignal();
        using var cases = signal.Subscribe([EventCatalog.NameOf<CaseClosed>()]);
        using var messages = signal.Subscribe([EventCatalog.NameOf<MessageSent>()]);
        using var everything = signal.Subscribe(null);
        var (c, m, e) = (cases.Next(), messages.Next(), everything.Next());
        RedisEventSignal.Receive(signal, Self, message);
        return (c.IsCompleted, m.IsCompleted, e.IsCompleted);
    }
}
