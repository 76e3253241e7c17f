using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// This node's live staff connections, written through to <see cref="AgentConnection"/> rows with this node's id so
/// every node sees them. Every <see cref="PresenceOptions.SyncSeconds"/> the node rewrites its own rows from memory (they
/// come back if another node removed them while this node's lease was lost) and removes the rows of any node whose
/// lease it can take (that node is gone: its connections died with it), as <c>Voice/CallRecovery</c> does for calls.
/// </summary>
public sealed partial class AgentConnections(IServiceScopeFactory scopes, NodeIdentity node, ILeases leases, LiveBus bus, TimeProvider clock,
    IOptions<PresenceOptions> options, IHostApplicationLifetime lifetime, ILogger<AgentConnections> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (string UserId, string Kind, DateTimeOffset At)> live = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writing = new(1, 1);

    /// <summary>How many connections this node holds for a counsellor (for tests and diagnostics).</summary>
    public int CountHere(string userId) => live.Values.Count(c => c.UserId == userId);

    public async Task ConnectedAsync(string connectionId, string userId, string kind, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        live[connectionId] = (userId, kind, at);
        await WriteAsync(async db =>
        {
            if (!await db.Set<AgentConnection>().AnyAsync(c => c.Id == connectionId, ct))
            {
                db.Add(new AgentConnection { Id = connectionId, UserId = userId, NodeId = node.Id, Kind = kind, ConnectedAt = at });
                await db.SaveChangesAsync(ct);
            }
        }, ct);
        await bus.PublishAsync(new AgentChanged(userId));
    }

    public async Task DisconnectedAsync(string connectionId, CancellationToken ct)
    {
        if (!live.TryRemove(connectionId, out var gone))
        {
            return;
        }

        await WriteAsync(db => db.Set<AgentConnection>().Where(c => c.Id == connectionId).ExecuteDeleteAsync(ct), ct);
        await bus.PublishAsync(new AgentChanged(gone.UserId));
    }

    /// <summary>Rewrites this node's rows from memory and removes the rows of nodes that are gone; returns how many of theirs were removed.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await writing.WaitAsync(ct);
        try
        {
            var mine = (await db.Set<AgentConnection>().AsNoTracking().Where(c => c.NodeId == node.Id).Select(c => c.Id).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (id, c) in live.Where(l => !mine.Contains(l.Key)))
            {
                db.Add(new AgentConnection { Id = id, UserId = c.UserId, NodeId = node.Id, Kind = c.Kind, ConnectedAt = c.At });
                changed.Add(c.UserId);
            }

            await db.SaveChangesAsync(ct);
            var stale = mine.Where(id => !live.ContainsKey(id)).ToList();
            if (stale.Count > 0)
            {
                await db.Set<AgentConnection>().Where(c => stale.Contains(c.Id)).ExecuteDeleteAsync(ct);
            }
        }
        finally
        {
            writing.Release();
        }

        var removed = 0;
        var others = await db.Set<AgentConnection>().AsNoTracking().Where(c => c.NodeId != node.Id)
            .Select(c => new { c.UserId, c.NodeId }).ToListAsync(ct);
        foreach (var other in others.GroupBy(r => r.NodeId))
        {
            // Held: that node lives (or another node is cleaning up after it right now).
            await using var lease = await leases.TryAcquireAsync(NodeLease.NameOf(other.Key), ct);
            if (lease is null)
            {
                continue;
            }

            removed += await db.Set<AgentConnection>().Where(c => c.NodeId == other.Key).ExecuteDeleteAsync(ct);
            changed.UnionWith(other.Select(r => r.UserId));
            LogNodeGone(other.Count());
        }

        foreach (var userId in changed)
        {
            await bus.PublishAsync(new AgentChanged(userId));
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before start-up is over: taking a dead node's lease to remove its rows while Voice/CallRecovery's start-up
        // pass looks at the same lease would make that pass skip the dead node's calls.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.SyncSeconds)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSyncFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A clean stop leaves no rows behind; a crash leaves them to the other nodes (or to this data directory's next start).
        try
        {
            live.Clear();
            await WriteAsync(db => db.Set<AgentConnection>().Where(c => c.NodeId == node.Id).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(ex);
        }
    }

    private async Task WriteAsync(Func<MinwonDbContext, Task> write, CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await write(scope.ServiceProvider.GetRequiredService<MinwonDbContext>());
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The database is unavailable for a moment: the periodic sync writes the row from memory.
            LogWriteFailed(ex);
        }
        finally
        {
            writing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} staff connections of a node that stopped")]
    private partial void LogNodeGone(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a staff connection failed; the next sync writes it")]
    private partial void LogWriteFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing staff connections failed; trying again")]
    private partial void LogSyncFailed(Exception exception);
}
