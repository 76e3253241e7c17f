using Microsoft.Extensions.Options;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Copies closed cases into this node's DuckDB warehouse file on a schedule (Minwon:Analytics:WarehouseSyncSeconds).
/// Run by the consumer host like the other consumers, but on every node (the warehouse is a file per node) and with
/// its cursor inside the warehouse, committed in the same DuckDB transaction as the rows it copied.
/// </summary>
public sealed class WarehouseConsumer(IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, TimeProvider clock) : EventConsumer
{
    private DateTimeOffset next;

    public override string Name => "warehouse";

    public override bool Singleton => false;

    /// <summary>The warehouse keeps its cursor in DuckDB and syncs on a schedule, so it has no lag gauge.</summary>
    public override bool CursorInEventLog => false;

    /// <summary>No commit wakes it: it syncs on its schedule, looked at every poll.</summary>
    public override IReadOnlyCollection<Type> WakesOn => [];

    public override bool Wants(EventEnvelope e) => false;

    public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
    {
        var every = options.Value.WarehouseSyncSeconds;
        if (every <= 0 || clock.GetUtcNow() < next)
        {
            return 0;
        }

        next = clock.GetUtcNow().AddSeconds(every);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncWarehouse>().RunAsync(cancellationToken);
        return 0;
    }
}
