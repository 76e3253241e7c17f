using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// Runs routing passes on the one node that holds the "routing" lease: at once when a contact or counsellor changes
/// (on any node: live pushes cross nodes), and at least every <see cref="Tick"/> so offer timeouts, overflow and missed
/// pushes are picked up. Another node takes over within about a second of this one dying (docs/deployment.md).
/// </summary>
public sealed partial class RoutingWorker(IServiceScopeFactory scopes, LiveBus bus, ILeases leases, ILogger<RoutingWorker> logger) : BackgroundService
{
    public const string LeaseName = "routing";
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Published += OnEventAsync;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var lease = await leases.AcquireAsync(LeaseName, stoppingToken);
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                LogLeading();
                try
                {
                    while (!held.IsCancellationRequested)
                    {
                        await PassAsync(held.Token);
                        await wake.WaitAsync(Tick, held.Token);
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLeaseLost();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.Published -= OnEventAsync;
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (pass, changes) = await scope.ServiceProvider.GetRequiredService<RouteContacts>().RunOnceAsync(ct);
            if (pass.Offered + pass.Expired + pass.Overflowed > 0)
            {
                LogPass(pass.Offered, pass.Expired, pass.Overflowed, pass.Conflicts);
            }

            foreach (var (conversationId, agentId, queueId) in changes)
            {
                await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
                await bus.PublishAsync(new AgentChanged(agentId));
            }

            if (changes.Count > 0)
            {
                await bus.PublishAsync(new QueueChanged(null));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    private Task OnEventAsync(LiveEvent e)
    {
        if (e is QueueChanged or AgentChanged && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled; one pass covers both changes.
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing pass: {Offered} offered, {Expired} offers expired, {Overflowed} overflowed, {Conflicts} lost to concurrent changes")]
    private partial void LogPass(int offered, int expired, int overflowed, int conflicts);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node runs routing")]
    private partial void LogLeading();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing lease lost; waiting to take it again")]
    private partial void LogLeaseLost();

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing pass failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
