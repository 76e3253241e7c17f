using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Consumer lag per durable cursor: events after it and the age of the oldest of them. Consumers that keep their cursor
/// outside the event log (the warehouse) are left out rather than reported as ever further behind. The processing lag is
/// reported by the node that runs each consumer only: the age of the oldest event after the position its last batch
/// reached in memory, counting only the types that wake it (<see cref="EventConsumer.WakesOn"/>; the others wait for its
/// poll by design). It leaves out the save cadence that the cursor's lag includes (the issue detector saves every 30 s).
/// </summary>
public sealed class ConsumerLagSampler(IServiceScopeFactory scopes, IOptions<ObservabilityOptions> options, TimeProvider clock,
    MinwonMetrics metrics, IEnumerable<EventConsumer> consumers, EventConsumerHost host, ILogger<ConsumerLagSampler> logger)
    : PeriodicSampler(scopes, options, clock, logger)
{
    /// <summary>The most events counted after a cursor; a consumer further behind is reported at this many.</summary>
    public const int LagCountLimit = 100_000;

    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MinwonDbContext>();
        var now = Clock.GetUtcNow();
        var cursors = await db.Set<EventCursor>().AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.At, cancellationToken);
        var sample = new List<ConsumerSample>();
        foreach (var name in consumers.Where(c => c.CursorInEventLog).Select(c => c.Name).Distinct())
        {
            sample.Add(await CursorLagAsync(db, name, cursors.GetValueOrDefault(name), now, cancellationToken));
        }

        metrics.SetConsumers(sample);

        var processing = new List<ConsumerProcessingSample>();
        foreach (var (consumer, reached) in host.Running.Where(r => r.Consumer.CursorInEventLog))
        {
            var after = db.Set<EventLogEntry>().AsNoTracking().After(reached);
            if (consumer.WakesOn is { } wakes)
            {
                var types = wakes.Select(t => EventCatalog.Describe(t).Name).ToList();
                after = after.Where(e => types.Contains(e.Type));
            }

            var oldest = await after.InLogOrder().Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            processing.Add(new ConsumerProcessingSample(consumer.Name, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0));
        }

        metrics.SetProcessing(processing);
    }

    /// <summary>
    /// A saved cursor's lag: the events after it in the log's order, counted up to <see cref="LagCountLimit"/>, and the
    /// age of the first of them. A cursor at the end of the log is 0 and 0 even when a row with a higher id came earlier.
    /// </summary>
    public static async Task<ConsumerSample> CursorLagAsync(MinwonDbContext db, string name, EventPosition cursor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var after = db.Set<EventLogEntry>().AsNoTracking().After(cursor);
        var oldest = await after.InLogOrder().Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (oldest is not { } at)
        {
            return new ConsumerSample(name, 0, 0);
        }

        return new ConsumerSample(name, await after.Take(LagCountLimit).CountAsync(cancellationToken), Math.Max(0, (now - at).TotalSeconds));
    }
}
