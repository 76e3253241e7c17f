namespace Minwon.Server.Platform.Events;

/// <summary>
/// Wakes this node's consumers as soon as a transaction with events commits here (<see cref="EventSaveInterceptor"/>),
/// so the bot answers in milliseconds. Events written on other nodes wake them through <see cref="RedisEventSignal"/>
/// when Redis is configured, and are found by polling (Minwon:Events:PollMilliseconds) in any case.
/// </summary>
/// <remarks>
/// A commit names the event types it wrote, and a waiter that named the types it wants (<see cref="Subscribe"/>,
/// <see cref="EventConsumer.WakesOn"/>) is woken only by those: under chat traffic every commit is a
/// <c>MessageSent</c>, and waking the rollups, quality, interpreter, channel-inbound and warehouse consumers and the
/// channel settings loader on every node for each of them was a batch (a cursor read and a log read) per consumer per
/// 100 ms for nothing (docs/benchmarks/load.md, session 11). A commit whose types are not known (null) wakes everyone.
/// </remarks>
public sealed class EventSignal
{
    private readonly Lock gate = new();
    private Waiter[] waiters = [];

    /// <summary>Called after each local commit with the types it wrote (see <see cref="RedisEventSignal"/>); never from <see cref="Wake"/>.</summary>
    public Action<IReadOnlyCollection<string>?>? Forward { get; set; }

    /// <summary>
    /// A waiter woken by commits of the named event types (null: by every commit). Take <see cref="Waiter.Next"/> before
    /// reading the log, then wait on it when the read found nothing: a commit between the read and the wait is not missed.
    /// Dispose it when done waiting.
    /// </summary>
    public Waiter Subscribe(IEnumerable<string>? types)
    {
        var waiter = new Waiter(this, types?.ToHashSet(StringComparer.Ordinal));
        lock (gate)
        {
            waiters = [.. waiters, waiter];
        }

        return waiter;
    }

    /// <summary>A transaction with events of these types (null: not known) committed on this node: wake its consumers and tell the other nodes.</summary>
    public void Pulse(IReadOnlyCollection<string>? types)
    {
        Wake(types);
        Forward?.Invoke(types);
    }

    /// <summary>A commit whose event types are not known: wakes every waiter here and on the other nodes.</summary>
    public void Pulse() => Pulse(null);

    /// <summary>Wakes every waiter on this node.</summary>
    public void Wake() => Wake(null);

    /// <summary>Wakes this node's waiters for these types (null: all of them) only (a commit seen on another node).</summary>
    public void Wake(IReadOnlyCollection<string>? types)
    {
        foreach (var waiter in Volatile.Read(ref waiters))
        {
            if (waiter.WakesOn(types))
            {
                waiter.Wake();
            }
        }
    }

    private void Remove(Waiter waiter)
    {
        lock (gate)
        {
            waiters = [.. waiters.Where(w => w != waiter)];
        }
    }

    /// <summary>One loop's subscription to <see cref="EventSignal"/>.</summary>
    public sealed class Waiter : IDisposable
    {
        private readonly EventSignal owner;
        private readonly HashSet<string>? types;
        private readonly Lock gate = new();
        private TaskCompletionSource next = NewSource();

        internal Waiter(EventSignal owner, HashSet<string>? types) => (this.owner, this.types) = (owner, types);

        /// <summary>Completes at the next commit of a wanted type.</summary>
        public Task Next()
        {
            lock (gate)
            {
                return next.Task;
            }
        }

        internal bool WakesOn(IReadOnlyCollection<string>? committed) =>
            types is null || committed is null || committed.Any(types.Contains);

        internal void Wake()
        {
            TaskCompletionSource done;
            lock (gate)
            {
                done = next;
                next = NewSource();
            }

            done.TrySetResult();
        }

        public void Dispose() => owner.Remove(this);

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
