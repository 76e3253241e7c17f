namespace Minwon.Server.Platform.Events;

/// <summary>
/// Wakes this node's consumers as soon as a transaction with events commits here (<see cref="EventSaveInterceptor"/>),
/// so the bot answers in milliseconds. Events written on other nodes wake them through <see cref="RedisEventSignal"/>
/// when Redis is configured, and are found by polling (Minwon:Events:PollMilliseconds) in any case.
/// </summary>
public sealed class EventSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = NewSource();

    /// <summary>
    /// Completes at the next pulse. Take it before reading the log, then wait on it when the read found nothing: a
    /// commit between the read and the wait is not missed.
    /// </summary>
    public Task Next()
    {
        lock (gate)
        {
            return next.Task;
        }
    }

    /// <summary>Called after each local commit (see <see cref="RedisEventSignal"/>); never from <see cref="Wake"/>.</summary>
    public Action? Forward { get; set; }

    /// <summary>A transaction with events committed on this node: wake its consumers and tell the other nodes.</summary>
    public void Pulse()
    {
        Wake();
        Forward?.Invoke();
    }

    /// <summary>Wakes this node's consumers only (a commit seen on another node).</summary>
    public void Wake()
    {
        TaskCompletionSource done;
        lock (gate)
        {
            done = next;
            next = NewSource();
        }

        done.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
