namespace Minwon.Server.Platform.Leases;

/// <summary>
/// This node's own lease, <c>node:&lt;NodeIdentity.Id&gt;</c>, held for the life of the process. Work that lives in one
/// process (a call's media) records the node's id; another node that can take this lease knows the process is gone
/// (PostgreSQL released its advisory lock when its connection closed) and may clean up after it (Voice/CallRecovery).
/// </summary>
public sealed partial class NodeLease(ILeases leases, NodeIdentity node, ILogger<NodeLease> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ILease? held;
    private Task? keeping;

    public static string NameOf(string nodeId) => "node:" + nodeId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Held before any later hosted service (the call listeners) starts, so no call is recorded for a node without its lease.
        held = await leases.AcquireAsync(NameOf(node.Id), cancellationToken);
        keeping = Task.Run(KeepAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (keeping is not null)
        {
            await keeping.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (held is not null)
        {
            await held.DisposeAsync();
        }

        stopping.Dispose();
    }

    private async Task KeepAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                held ??= await leases.AcquireAsync(NameOf(node.Id), stopping.Token);
                using var watch = CancellationTokenSource.CreateLinkedTokenSource(held.Lost, stopping.Token);
                await Task.Delay(Timeout.Infinite, watch.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                // The connection holding the lock broke: take it again as soon as the database answers.
                LogLost(logger, node.Id);
                if (held is not null)
                {
                    await held.DisposeAsync();
                    held = null;
                }
            }
        }

        if (held is not null)
        {
            await held.DisposeAsync();
            held = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node's lease for {Node} was lost; taking it again")]
    private static partial void LogLost(ILogger logger, string node);
}
