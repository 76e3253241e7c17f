using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Observability;

namespace Minwon.Server.Features.Voice;

/// <summary>Open calls by state (the database, every node) and media legs in this node's bridges, for <see cref="MinwonMetrics"/>.</summary>
public sealed class CallMetrics(IServiceScopeFactory scopes, IOptions<ObservabilityOptions> options, TimeProvider clock,
    MinwonMetrics metrics, CallManager calls, NodeIdentity node, ILogger<CallMetrics> logger)
    : PeriodicSampler(scopes, options, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MinwonDbContext>();
        var open = await db.Set<Call>().AsNoTracking().Where(c => c.State != CallState.Ended)
            .Select(c => new { c.Id, c.State, c.NodeName }).ToListAsync(cancellationToken);
        var legs = open.Where(c => c.NodeName == node.Id).Sum(c => calls.Find(c.Id)?.Bridge.Legs.Count ?? 0);
        metrics.SetCalls([.. open.GroupBy(c => c.State).Select(g => new CallSample(g.Key.ToString(), g.LongCount()))], legs);
    }
}
