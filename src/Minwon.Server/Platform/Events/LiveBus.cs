using System.Collections.Frozen;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Pushes screen updates to Blazor circuits and hubs after the change is committed. Handlers must be quick and must not
/// throw; durable work reads the event log instead (<see cref="EventConsumer"/>). With Redis configured the pushes cross
/// nodes (<see cref="RedisLiveBus"/>): <see cref="Published"/> sees every node's events, <see cref="PublishedHere"/> only
/// this node's (the SignalR hubs, whose Redis backplane already reaches every node's connections).
/// </summary>
public sealed class LiveBus(ILogger<LiveBus> logger, Observability.MinwonMetrics metrics)
{
    /// <summary>Every push, from this node or another.</summary>
    public event Func<LiveEvent, Task>? Published;

    /// <summary>Pushes published on this node only.</summary>
    public event Func<LiveEvent, Task>? PublishedHere;

    /// <summary>Set by <see cref="RedisLiveBus"/>: sends this node's pushes to the other nodes.</summary>
    internal Func<LiveEvent, Task>? Forward { get; set; }

    public async Task PublishAsync(LiveEvent e)
    {
        if (e is MessageAdded added)
        {
            metrics.MessageStored(added.Message.Sender);
        }

        metrics.Delivered(e.GetType().Name);
        await InvokeAsync(PublishedHere, e);
        await InvokeAsync(Published, e);
        if (Forward is { } forward)
        {
            await forward(e);
        }
    }

    /// <summary>A push that arrived from another node.</summary>
    internal Task DeliverAsync(LiveEvent e)
    {
        metrics.Delivered(e.GetType().Name);
        return InvokeAsync(Published, e);
    }

    private async Task InvokeAsync(Func<LiveEvent, Task>? handlers, LiveEvent e)
    {
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

/// <summary>Past-tense facts pushed to screens: ids and small view models, no feature types.</summary>
public abstract record LiveEvent
{
    private static readonly FrozenDictionary<string, Type> Types = typeof(LiveEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(LiveEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The push type of a name sent between nodes.</summary>
    public static Type? TypeOf(string name) => Types.GetValueOrDefault(name);
}

public sealed record MessageAdded(Guid ConversationId, MessageDto Message, string? AgentId = null) : LiveEvent;

public sealed record ConversationChanged(Guid ConversationId, string? AgentId) : LiveEvent;

public sealed record AgentChanged(string AgentId) : LiveEvent;

public sealed record QueueChanged(int? QueueId) : LiveEvent;

public sealed record CitizenTyping(Guid ConversationId) : LiveEvent;

public sealed record AgentTyping(Guid ConversationId) : LiveEvent;

/// <summary>A protection step for the desk; <see cref="WarningNumber"/> is set when it is the counsellor's numbered warning.</summary>
public sealed record ProtectionAlert(Guid ConversationId, string AgentId, string What, int? WarningNumber = null) : LiveEvent;

public sealed record IssueChanged(Guid IssueId) : LiveEvent;

public sealed record NoticeChanged(Guid NoticeId) : LiveEvent;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Live event handler failed for {EventType}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventType);
}
