using System.Text.Json;
using StackExchange.Redis;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Carries <see cref="LiveBus"/> pushes between nodes over Redis pub/sub when Minwon:Redis is set: every event published
/// on one node reaches the screens (Blazor circuits, hub clients) of every node. Pub/sub is at most once, like the push
/// itself; the database stays the source of truth (clients resume by sequence number, desks reload on reconnect).
/// </summary>
public sealed partial class RedisLiveBus(IConnectionMultiplexer redis, LiveBus bus, ILogger<RedisLiveBus> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("minwon:live");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This node, so it does not deliver its own events twice.</summary>
    private readonly string node = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Forward = ForwardAsync;
        await redis.GetSubscriber().SubscribeAsync(Channel, (channel, value) => _ = ReceiveAsync(value));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        bus.Forward = null;
        await redis.GetSubscriber().UnsubscribeAsync(Channel);
    }

    private async Task ForwardAsync(LiveEvent e)
    {
        try
        {
            var envelope = new Envelope(node, e.GetType().Name, JsonSerializer.SerializeToElement(e, e.GetType(), Json));
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(envelope, Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Screens on other nodes miss this push; they catch up from the database on their next read or reconnect.
            LogPublishFailed(logger, ex, e.GetType().Name);
        }
    }

    private async Task ReceiveAsync(RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(value.ToString(), Json);
            if (envelope is null || envelope.Node == node || LiveEvent.TypeOf(envelope.Type) is not { } type)
            {
                return;
            }

            if (envelope.Event.Deserialize(type, Json) is LiveEvent e)
            {
                await bus.DeliverAsync(e);
            }
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex);
        }
    }

    private sealed record Envelope(string Node, string Type, JsonElement Event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event {EventType} could not be sent to other nodes")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unreadable live event arrived from another node")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
