namespace Minwon.Server.Platform.Leases;

/// <summary>
/// This node's own lease, <c>node:&lt;NodeIdentity.Id&gt;</c>, held for the life of the process. Work that lives in one
/// process (a call's media) records the node's id; another node that can take this lease knows the process is gone
/// (PostgreSQL released its advisory lock when its connection closed) and may clean up after it (Voice/CallRecovery).
/// </summary>
public sealed partial class NodeLease(ILeases leases, NodeIdentity node, ILogger<NodeLease> logger) : BackgroundService
{
    private ILease? held;

    public static string NameOf(string nodeId) => "node:" + nodeId;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Held before any later hosted service (the call listeners) starts, so no call is recorded for a node without its lease.
        held = await leases.AcquireAsync(NameOf(node.Id), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    held ??= await leases.AcquireAsync(NameOf(node.Id), stoppingToken);
                    using var watch = CancellationTokenSource.CreateLinkedTokenSource(held.Lost, stoppingToken);
                    await Task.Delay(Timeout.Infinite, watch.Token);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // The connection holding the lock broke: take it again as soon as the database answers.
                    LogLost(logger, node.Id, ex);
                    await ReleaseAsync();
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task ReleaseAsync()
    {
        if (held is { } lease)
        {
            held = null;
            try
            {
                await lease.DisposeAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.Data.Common.DbException or ObjectDisposedException)
            {
                LogReleaseFailed(logger, node.Id, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node's lease for {Node} was lost; taking it again")]
    private static partial void LogLost(ILogger logger, string node, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing this node's lease for {Node} failed (its connection is gone, and the lock with it)")]
    private static partial void LogReleaseFailed(ILogger logger, string node, Exception exception);
}
