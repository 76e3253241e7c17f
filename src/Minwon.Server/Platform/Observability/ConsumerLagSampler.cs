using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Consumer lag per durable cursor: events after it and the age of the oldest of them. Consumers that keep their cursor
/// outside the event log (the warehouse) are left out rather than reported as ever further behind.
/// </summary>
public sealed class ConsumerLagSampler(IServiceScopeFactory scopes, IOptions<ObservabilityOptions> options, TimeProvider clock,
    MinwonMetrics metrics, IEnumerable<EventConsumer> consumers, ILogger<ConsumerLagSampler> logger)
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
    }
}
