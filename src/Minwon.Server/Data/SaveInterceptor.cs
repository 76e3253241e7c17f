using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Data;

/// <summary>
/// The one place that sets concurrency tokens: every changed entity with a Guid "Version" token gets a new value when
/// it is saved, so no use case can forget it. After a commit that wrote events it wakes this node's consumers
/// (<see cref="EventSignal"/>); inside an explicit transaction, at its commit.
/// </summary>
public sealed class SaveInterceptor(EventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public const string VersionProperty = "Version";

    // The event types each context wrote since its last commit: the commit wakes only the consumers that want them.
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> WroteEvents = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(eventData.Context, inTransaction: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context, inTransaction: false);
        return Task.CompletedTask;
    }

    private static void Prepare(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Entity is EventLogEntry written)
            {
                WroteEvents.GetOrCreateValue(context).Add(written.Type);
            }

            if (entry.State == EntityState.Modified
                && entry.Metadata.FindProperty(VersionProperty) is { IsConcurrencyToken: true } version && version.ClrType == typeof(Guid))
            {
                entry.Property(VersionProperty).CurrentValue = Guid.NewGuid();
            }
        }
    }

    private void Committed(DbContext? context, bool inTransaction)
    {
        if (context is not null && !inTransaction && WroteEvents.TryGetValue(context, out var types))
        {
            WroteEvents.Remove(context);
            signal.Pulse(types);
        }
    }
}

public static class ConcurrencyTokens
{
    /// <summary>
    /// Claims a row without changing it: the save sets a new token (<see cref="SaveInterceptor"/>) and fails if another
    /// writer changed the row since it was read. Routing uses it so two nodes cannot both fill a counsellor's last slot.
    /// </summary>
    public static void Claim(this DbContext db, object entity) =>
        db.Entry(entity).Property(SaveInterceptor.VersionProperty).IsModified = true;
}
