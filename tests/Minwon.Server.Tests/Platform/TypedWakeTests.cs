using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// A commit names the event types it wrote, and a consumer that says which types it wants
/// (<see cref="EventConsumer.WakesOn"/>) is woken only by those (issue 10, session 11: every chat message woke every
/// consumer on every node). Driven through the real <see cref="EventConsumerHost"/> loop with the poll at ten minutes,
/// so a batch that starts can only have been woken.
/// </summary>
public sealed class TypedWakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_waiter_is_woken_by_the_types_it_named_by_a_commit_of_unknown_types_and_by_nothing_else()
    {
        var signal = new EventSignal();
        using var cases = signal.Subscribe([EventCatalog.NameOf<CaseClosed>()]);
        using var everything = signal.Subscribe(null);
        var casesNext = cases.Next();
        var everythingNext = everything.Next();

        signal.Wake([EventCatalog.NameOf<MessageSent>()]);
        Assert.False(casesNext.IsCompleted, "a MessageSent commit woke a waiter for CaseClosed");
        Assert.True(everythingNext.IsCompleted, "a waiter for every type missed a commit");

        signal.Wake([EventCatalog.NameOf<MessageSent>(), EventCatalog.NameOf<CaseClosed>()]);
        Assert.True(casesNext.IsCompleted, "a commit with a CaseClosed among its events did not wake the waiter for it");

        casesNext = cases.Next();
        signal.Wake();
        Assert.True(casesNext.IsCompleted, "a commit of unknown types must wake every waiter");

        // A disposed waiter is no longer woken (nor kept).
        casesNext = cases.Next();
        cases.Dispose();
        signal.Wake();
        Assert.False(casesNext.IsCompleted);
    }

    [Fact]
    public async Task The_host_wakes_a_consumer_for_the_types_it_wants_and_leaves_it_asleep_for_the_others()
    {
        var consumer = new CountingConsumer();
        var signal = new EventSignal();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var host = new EventConsumerHost([consumer], new LocalLeases(), signal, null!, services.GetRequiredService<IServiceScopeFactory>(),
            TimeProvider.System, Options.Create(new EventOptions { PollMilliseconds = 600_000, MinBatchIntervalMilliseconds = 0 }),
            NullLogger<EventConsumerHost>.Instance);
        await host.StartAsync(Ct);
        try
        {
            await consumer.WaitForAsync(1);
            // Let the loop reach its wait.
            await Task.Delay(300, Ct);

            for (var i = 0; i < 20; i++)
            {
                signal.Pulse([EventCatalog.NameOf<MessageSent>()]);
            }

            await Task.Delay(1500, Ct);
            Assert.Equal(1, consumer.Batches);

            signal.Pulse([EventCatalog.NameOf<CaseClosed>()]);
            await consumer.WaitForAsync(2);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private sealed class CountingConsumer : EventConsumer
    {
        private int batches;

        public int Batches => Volatile.Read(ref batches);

        public override string Name => "typed-wake-test";

        public override bool Singleton => false;

        public override IReadOnlyCollection<Type> WakesOn => [typeof(CaseClosed)];

        public override bool Wants(EventEnvelope e) => e.Event is CaseClosed;

        public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref batches);
            return Task.FromResult(0);
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
            while (Batches < count)
            {
                Assert.True(Stopwatch.GetTimestamp() < deadline, $"batch {count} did not start within 30 s");
                await Task.Delay(10, Ct);
            }
        }
    }
}
