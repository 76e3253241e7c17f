namespace Minwon.Server.Platform.Events;

/// <summary>
/// Wakes this node's consumers as soon as a transaction with events commits here (<see cref="EventSaveInterceptor"/>),
/// so the bot answers in milliseconds; events written on other nodes are found by polling.
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

    public void Pulse()
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
