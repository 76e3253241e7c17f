using StackExchange.Redis;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Carries <see cref="EventSignal"/> between nodes over Redis pub/sub: a commit with events on one node wakes the
/// consumers on every node at once, instead of at their next poll (a singleton consumer usually runs on another node
/// than the request that wrote the event). Pulses are coalesced to one message per few milliseconds; a lost message
/// costs only the poll interval, because the log, not the signal, is what consumers read.
/// </summary>
public sealed partial class RedisEventSignal(IConnectionMultiplexer redis, EventSignal signal, ILogger<RedisEventSignal> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("minwon:events");
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);
    private readonly string node = Guid.NewGuid().ToString("N");
    private int scheduled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        signal.Forward = Schedule;
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) =>
        {
            if (value != node)
            {
                signal.Wake();
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Forward = null;
        await redis.GetSubscriber().UnsubscribeAsync(Channel);
    }

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(Coalesce);
            // Cleared before publishing: a commit after this point schedules the next message, so none is missed.
            Volatile.Write(ref scheduled, 0);
            try
            {
                await redis.GetSubscriber().PublishAsync(Channel, node);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                LogPublishFailed(logger, ex);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not tell other nodes about new events; they find them at their next poll")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
