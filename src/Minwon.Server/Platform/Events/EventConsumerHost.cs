using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Platform.Events;

/// <summary>Settings under "Minwon:Events".</summary>
public sealed class EventOptions
{
    public const string Section = "Minwon:Events";

    /// <summary>Run this node's consumers (tests that drive them by hand turn it off).</summary>
    public bool ConsumersEnabled { get; set; } = true;

    /// <summary>
    /// How often an idle consumer looks for events nothing woke it for: commits of types it does not wake on
    /// (<see cref="EventConsumer.WakesOn"/>), and any commit on another node when Redis is not there or lost a message.
    /// </summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>
    /// The shortest time between the starts of two batches of one consumer while it is caught up (its last batch was not
    /// full). Under steady traffic every commit wakes every consumer, and each wake-up was a cursor read, a log read and
    /// often a cursor write for one or two events: nine consumers did that hundreds of times a second per node. Waiting
    /// this long gathers the events of the interval into one batch; a consumer that is behind (full batches) never waits.
    /// Adds at most this much to consumer lag (issue 10 asks for p99 under 1 s). 0 turns it off.
    /// </summary>
    public int MinBatchIntervalMilliseconds { get; set; } = 100;
}

/// <summary>
/// Runs every registered <see cref="EventConsumer"/>: a loop each, a singleton one only while this node holds its lease.
/// A batch that throws is logged and tried again after a pause, so a consumer never stops silently.
/// </summary>
public sealed partial class EventConsumerHost(IEnumerable<EventConsumer> consumers, ILeases leases, EventSignal signal,
    IDbContextFactory<MinwonDbContext> contexts, IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventOptions> options,
    ILogger<EventConsumerHost> logger) : BackgroundService
{
    /// <summary>How soon a consumer looks again when committed events wait behind an older transaction (<see cref="EventBatch.HeldBack"/>).</summary>
    private static readonly TimeSpan HeldBackRetry = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, EventConsumerRun> runs = consumers.ToDictionary(c => c.Name,
        c => new EventConsumerRun(c.Name, contexts, scopes, clock, logger));

    /// <summary>Each consumer's position on this node (the lease holder's is the one that counts).</summary>
    public IReadOnlyDictionary<string, EventPosition> Positions => runs.ToDictionary(r => r.Key, r => r.Value.Position);

    /// <summary>
    /// The consumers this node runs now and how far each has processed the log in memory (see <see cref="EventConsumerRun.Reached"/>).
    /// Read by the sampler's thread while the loops run: each position is read once, as a loop may stop between two reads.
    /// </summary>
    public IReadOnlyList<(EventConsumer Consumer, EventPosition Reached)> Running
    {
        get
        {
            var running = new List<(EventConsumer, EventPosition)>();
            foreach (var consumer in consumers)
            {
                if (runs[consumer.Name].Reached is { } reached)
                {
                    running.Add((consumer, reached));
                }
            }

            return running;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.ConsumersEnabled
            ? Task.WhenAll(consumers.Select(c => Task.Run(() => RunAsync(c, stoppingToken), stoppingToken)))
            : Task.CompletedTask;

    private async Task RunAsync(EventConsumer consumer, CancellationToken stoppingToken)
    {
        var run = runs[consumer.Name];
        var poll = TimeSpan.FromMilliseconds(Math.Max(20, options.Value.PollMilliseconds));
        var pace = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.MinBatchIntervalMilliseconds, 0, 5000));
        while (!stoppingToken.IsCancellationRequested)
        {
            ILease? lease = null;
            try
            {
                lease = consumer.Singleton ? await leases.AcquireAsync("consumer:" + consumer.Name, stoppingToken) : null;
                using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease?.Lost ?? CancellationToken.None);
                LogStarted(logger, consumer.Name);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await consumer.StartAsync(scope.ServiceProvider, running.Token);
                }

                try
                {
                    await LoopAsync(consumer, run, poll, pace, running.Token);
                }
                finally
                {
                    run.Stopped();
                    await using var scope = scopes.CreateAsyncScope();
                    await consumer.StopAsync(scope.ServiceProvider, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogConsumerFailed(logger, ex, consumer.Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                if (lease is not null)
                {
                    await lease.DisposeAsync();
                }
            }
        }
    }

    private async Task LoopAsync(EventConsumer consumer, EventConsumerRun run, TimeSpan poll, TimeSpan pace, CancellationToken token)
    {
        // Woken only by commits of the types it wants (EventConsumer.WakesOn); the poll finds the rest.
        using var waiter = signal.Subscribe(consumer.WakesOn?.Select(t => EventCatalog.Describe(t).Name));
        var failures = 0;
        var retry = poll < HeldBackRetry ? poll : HeldBackRetry;
        while (!token.IsCancellationRequested)
        {
            var pulse = waiter.Next();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            int read;
            try
            {
                read = await consumer.RunBatchAsync(run, token);
                run.BatchDone();
                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A lost race for the cursor (another node took over), the store briefly away, or a bug in a batch
                // consumer: logged every time, retried with a growing pause, never given up.
                LogBatchFailed(logger, ex, consumer.Name, ++failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * Math.Pow(2, Math.Min(failures, 7)))), token);
                continue;
            }

            if (read == 0)
            {
                // Events held back behind a running transaction wake nobody when it ends: look again soon, not at the poll.
                await Task.WhenAny(pulse, Task.Delay(run.HeldBack ? retry : poll, token));
            }

            // Real time, not the injected clock: a test's frozen clock must not stop the consumers.
            if (read < consumer.BatchSize && pace - System.Diagnostics.Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } rest)
            {
                // Caught up: gather what the next interval brings into one batch (see MinBatchIntervalMilliseconds).
                await Task.Delay(rest, token);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {Consumer} runs on this node")]
    private static partial void LogStarted(ILogger logger, string consumer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} failed; starting it again")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, string consumer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer}: batch failed ({Failures} in a row); retrying")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, int failures);
}
