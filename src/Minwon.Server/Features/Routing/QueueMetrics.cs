using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Observability;

namespace Minwon.Server.Features.Routing;

/// <summary>Queue length and the longest wait per queue, read from the database for <see cref="MinwonMetrics"/>.</summary>
public sealed class QueueMetrics(IServiceScopeFactory scopes, IOptions<ObservabilityOptions> options, TimeProvider clock,
    MinwonMetrics metrics, ILogger<QueueMetrics> logger)
    : PeriodicSampler(scopes, options, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MinwonDbContext>();
        var now = Clock.GetUtcNow();
        var queues = await db.Set<ServiceQueue>().AsNoTracking().Select(q => new { q.Id, q.Name }).ToListAsync(cancellationToken);
        var waiting = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Queued && c.QueueId != null)
            .GroupBy(c => c.QueueId!.Value)
            .Select(g => new { QueueId = g.Key, Count = g.LongCount(), Oldest = g.Min(c => c.EnqueuedAt) })
            .ToDictionaryAsync(g => g.QueueId, cancellationToken);
        metrics.SetQueues([.. queues.Select(q => waiting.TryGetValue(q.Id, out var w)
            ? new QueueSample(q.Id, q.Name, w.Count, w.Oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0)
            : new QueueSample(q.Id, q.Name, 0, 0))]);
    }
}
