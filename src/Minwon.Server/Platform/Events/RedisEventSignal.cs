using StackExchange.Redis;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Carries <see cref="EventSignal"/> between nodes over Redis pub/sub: a commit with events on one node wakes the
/// consumers on every node at once, instead of at their next poll (a singleton consumer usually runs on another node
/// than the request that wrote the event). Pulses are coalesced to one message per few milliseconds; a lost message
/// costs only the poll interval, because the log, not the signal, is what consumers read. A message names the event
/// types committed since the last one (<c>node|TypeA,TypeB</c>), so each node wakes only the consumers that want them;
/// a message with the node alone (an older node, or types not known) wakes every consumer.
/// </summary>
public sealed partial class RedisEventSignal(IConnectionMultiplexer redis, EventSignal signal, ILogger<RedisEventSignal> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("minwon:events");
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);
    private readonly string node = Guid.NewGuid().ToString("N");
    private int scheduled;
    // The types committed since the last message; null after a commit whose types are not known (wakes everyone).
    private readonly Lock gate = new();
    private HashSet<string>? pending = new(StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        signal.Forward = Schedule;
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(signal, node, (string?)value));
    }

    /// <summary>
    /// Wakes this node's waiters for a message from another node (its own were woken at the commit). Everything after
    /// the first <c>|</c> is the type list; no list, or one that names no type (an older node, a garbled message), wakes
    /// every waiter: a wake-up too many costs a batch, one too few costs the poll. Names no type is called by are
    /// passed on and wake nobody typed.
    /// </summary>
    internal static void Receive(EventSignal signal, string self, string? message)
    {
        var text = message ?? "";
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if ((bar < 0 ? text.AsSpan() : text.AsSpan(0, bar)).SequenceEqual(self))
        {
            return;
        }

        var types = bar < 0 ? [] : text[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        signal.Wake(types.Length == 0 ? null : types);
    }

    /// <summary>
    /// The message for the types committed since the last one: the node alone when they are not known (wakes everyone),
    /// <c>node|TypeA,TypeB</c> otherwise, and none for an empty set. A commit that scheduled a message can have put its
    /// types into the previous one (it added them before that message took the set, and scheduled after it cleared the
    /// flag); an empty list would wake every waiter on the other nodes (<see cref="Receive"/>) for nothing.
    /// </summary>
    internal static string? Message(string node, IReadOnlyCollection<string>? types) => types switch
    {
        null => node,
        { Count: 0 } => null,
        _ => node + "|" + string.Join(',', types),
    };

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Forward = null;
        await redis.GetSubscriber().UnsubscribeAsync(Channel);
    }

    private void Schedule(IReadOnlyCollection<string>? types)
    {
        lock (gate)
        {
            if (types is null)
            {
                pending = null;
            }
            else
            {
                pending?.UnionWith(types);
            }
        }

        if (Interlocked.CompareExchange(ref scheduled, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(Coalesce);
            // Cleared before publishing: a commit after this point schedules the next message, so none is missed.
            HashSet<string>? types;
            lock (gate)
            {
                Volatile.Write(ref scheduled, 0);
                types = pending;
                pending = new HashSet<string>(StringComparer.Ordinal);
            }

            if (Message(node, types) is not { } message)
            {
                return;
            }

            try
            {
                await redis.GetSubscriber().PublishAsync(Channel, message);
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
