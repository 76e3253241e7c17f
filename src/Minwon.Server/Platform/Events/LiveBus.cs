namespace Minwon.Server.Platform.Events;

/// <summary>
/// In-process push of screen updates to Blazor circuits and hubs on this node, after the change is committed.
/// Handlers must be quick and must not throw; durable consumers read <see cref="EventLogEntry"/> instead.
/// Several nodes need a backplane here (Redis), see docs/adr/0002-live-events.md.
/// </summary>
public sealed class LiveBus(ILogger<LiveBus> logger)
{
    public event Func<LiveEvent, Task>? Published;

    public async Task PublishAsync(LiveEvent e)
    {
        var handlers = Published;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<LiveEvent, Task>>())
        {
            try
            {
                await handler(e);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(logger, ex, e.GetType().Name);
            }
        }
    }
}

/// <summary>Past-tense facts pushed to screens.</summary>
public abstract record LiveEvent;

public sealed record MessageAdded(Guid ConversationId, MessageDto Message, string? AgentId = null) : LiveEvent;

public sealed record ConversationChanged(Guid ConversationId, string? AgentId) : LiveEvent;

public sealed record AgentChanged(string AgentId) : LiveEvent;

public sealed record QueueChanged(int? QueueId) : LiveEvent;

public sealed record CitizenTyping(Guid ConversationId) : LiveEvent;

public sealed record AgentTyping(Guid ConversationId) : LiveEvent;

public sealed record ProtectionAlert(Guid ConversationId, string AgentId, string What) : LiveEvent;

public sealed record IssueChanged(Guid IssueId) : LiveEvent;

public sealed record NoticeChanged(Guid NoticeId) : LiveEvent;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Live event handler failed for {EventType}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventType);
}
