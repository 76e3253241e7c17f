using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Keeps the hourly and daily rollups current from the event log. <see cref="UpdateRollups"/> saves each batch's
/// counts and the cursor in one transaction, so a crash neither loses nor double-counts a contact.
/// </summary>
public sealed class RollupConsumer(IServiceScopeFactory scopes) : EventConsumer
{
    public override string Name => UpdateRollups.CursorName;

    public override IReadOnlyCollection<Type> WakesOn => UpdateRollups.CountedTypes;

    public override bool Wants(EventEnvelope e) => UpdateRollups.Counts(e);

    // Never called: the batch is handled whole, with the cursor, by UpdateRollups.
    public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UpdateRollups>().RunOnceAsync(cancellationToken, run: run);
    }
}
