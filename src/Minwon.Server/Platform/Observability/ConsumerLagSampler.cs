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
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MinwonDbContext>();
        var now = Clock.GetUtcNow();
        var head = await db.Set<EventLogEntry>().AsNoTracking().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var cursors = await db.Set<EventCursor>().AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Position, cancellationToken);
        var sample = new List<ConsumerSample>();
        foreach (var name in consumers.Where(c => c.CursorInEventLog).Select(c => c.Name).Distinct())
        {
            var position = cursors.GetValueOrDefault(name);
            var oldest = await db.Set<EventLogEntry>().AsNoTracking().Where(e => e.Id > position)
                .OrderBy(e => e.Id).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            sample.Add(new ConsumerSample(name, Math.Max(0, head - position), oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0));
        }

        metrics.SetConsumers(sample);

        var processing = new List<ConsumerProcessingSample>();
        foreach (var (consumer, reached) in host.Running.Where(r => r.Consumer.CursorInEventLog))
        {
            var after = db.Set<EventLogEntry>().AsNoTracking()
                .Where(e => e.TxId > reached.TxId || (e.TxId == reached.TxId && e.Id > reached.Id));
            if (consumer.WakesOn is { } wakes)
            {
                var types = wakes.Select(t => EventCatalog.Describe(t).Name).ToList();
                after = after.Where(e => types.Contains(e.Type));
            }

            var oldest = await after.OrderBy(e => e.TxId).ThenBy(e => e.Id).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            processing.Add(new ConsumerProcessingSample(consumer.Name, oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0));
        }

        metrics.SetProcessing(processing);
    }
}
