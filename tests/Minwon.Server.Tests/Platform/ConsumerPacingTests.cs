using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// <c>Minwon:Events:MinBatchIntervalMilliseconds</c> (issue 10): a caught-up consumer starts its batches at least the interval
/// apart, so steady traffic is read in batches; the first event after an idle spell is not held back by it, and a consumer
/// that is behind (a full batch) never waits. Driven through the real <see cref="EventConsumerHost"/> loop with a scripted
/// consumer; the interval is long (4 s, "at once" is under 3 s) so that a busy machine's scheduling cannot be mistaken for it.
/// </summary>
public sealed class ConsumerPacingTests
{
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_batch_after_an_idle_spell_starts_at_once_while_batches_under_traffic_wait_the_interval()
    {
        // Events read by each batch: none (caught up), one, none, a full batch (behind), none.
        var consumer = new ScriptedConsumer([0, 1, 0, ScriptedConsumer.Size, 0]);
        var signal = new EventSignal();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var host = new EventConsumerHost([consumer], new LocalLeases(), signal, null!, services.GetRequiredService<IServiceScopeFactory>(),
            TimeProvider.System, Options.Create(new EventOptions { PollMilliseconds = 600_000, MinBatchIntervalMilliseconds = (int)Pace.TotalMilliseconds }),
            NullLogger<EventConsumerHost>.Instance);
        await host.StartAsync(Ct);
        try
        {
            // Batch 1 found nothing; the consumer stays idle for longer than the interval, then a commit wakes it.
            await consumer.WaitForAsync(1);
            await Task.Delay(Pace + TimeSpan.FromMilliseconds(500), Ct);
            var woken = Stopwatch.GetTimestamp();
            signal.Wake();
            await consumer.WaitForAsync(2);
            Assert.True(consumer.Started(1) - woken < AtOnce.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond,
                "the first batch after an idle spell waited for the batch interval (it adds to consumer lag)");

            // Batch 2 read one event (caught up): batch 3 starts no sooner than the interval after batch 2 began.
            await consumer.WaitForAsync(3);
            Assert.InRange(Elapsed(consumer.Started(1), consumer.Started(2)), Pace - TimeSpan.FromMilliseconds(20), TimeSpan.MaxValue);

            // Batch 3 found nothing and a commit wakes it at once: that is traffic, so batch 4 still keeps the interval.
            signal.Wake();
            await consumer.WaitForAsync(4);
            Assert.InRange(Elapsed(consumer.Started(2), consumer.Started(3)), Pace - TimeSpan.FromMilliseconds(20), TimeSpan.MaxValue);

            // Batch 4 was full (behind): batch 5 starts at once.
            await consumer.WaitForAsync(5);
            Assert.InRange(Elapsed(consumer.Started(3), consumer.Started(4)), TimeSpan.Zero, AtOnce);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static TimeSpan Elapsed(long from, long to) => Stopwatch.GetElapsedTime(from, to);

    /// <summary>Returns the scripted read counts (then 0) at once and records when each batch started.</summary>
    private sealed class ScriptedConsumer(int[] reads) : EventConsumer
    {
        public const int Size = 50;
        private readonly List<long> batches = [];

        public override string Name => "pacing-test";

        public override int BatchSize => Size;

        public override bool Singleton => false;

        public override bool Wants(EventEnvelope e) => true;

        public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
        {
            lock (batches)
            {
                var read = batches.Count < reads.Length ? reads[batches.Count] : 0;
                batches.Add(Stopwatch.GetTimestamp());
                return Task.FromResult(read);
            }
        }

        public long Started(int index)
        {
            lock (batches)
            {
                return batches[index];
            }
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
            while (true)
            {
                lock (batches)
                {
                    if (batches.Count >= count)
                    {
                        return;
                    }
                }

                Assert.True(Stopwatch.GetTimestamp() < deadline, $"batch {count} did not start within 30 s");
                await Task.Delay(10, Ct);
            }
        }
    }
}
