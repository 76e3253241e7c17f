using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Protection;

/// <summary>Opens (or counts into) an incident for every abusive citizen message and alerts supervisors live.</summary>
public sealed partial class ProtectionWatcher(LiveBus bus, IServiceScopeFactory scopes, ILogger<ProtectionWatcher> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Published += OnEventAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.Published -= OnEventAsync;
        return Task.CompletedTask;
    }

    private async Task OnEventAsync(LiveEvent e)
    {
        if (e is not AbuseDetected abuse)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProtectionActions>().OpenAsync(abuse.ConversationId, abuse.Label, CancellationToken.None);
            await bus.PublishAsync(new ProtectionAlert(abuse.ConversationId, abuse.AgentId ?? "", "abuse:" + abuse.Label));
        }
        catch (Exception ex)
        {
            LogFailed(ex, abuse.ConversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open a protection incident for conversation {ConversationId}")]
    private partial void LogFailed(Exception exception, Guid conversationId);
}
