namespace Minwon.Server.Platform.Events;

/// <summary>
/// A slow consumer of the event log with a durable cursor of its own (<see cref="EventCursor"/>), run by
/// <see cref="EventConsumerHost"/>. Delivery is at least once: after a crash the events since the last saved cursor
/// come again, so <see cref="HandleAsync"/> must be idempotent (check what it already did, by an id in the event, or
/// make the effect idempotent). Register with <c>services.AddEventConsumer&lt;T&gt;()</c>; docs/events.md.
/// </summary>
public abstract class EventConsumer
{
    /// <summary>The cursor's name: stable, at most 40 characters.</summary>
    public abstract string Name { get; }

    /// <summary>Events read per batch.</summary>
    public virtual int BatchSize => 200;

    /// <summary>
    /// Whether this consumer runs on one node at a time (the lease holder) or on every node (node-local work, like a
    /// warehouse file per node).
    /// </summary>
    public virtual bool Singleton => true;

    /// <summary>
    /// Whether the position is kept in <see cref="EventCursor"/> (so consumer lag is measured from it). A consumer that
    /// keeps its position elsewhere, in the same store as its results (the DuckDB warehouse), says false.
    /// </summary>
    public virtual bool CursorInEventLog => true;

    /// <summary>
    /// Whether the default batch saves the cursor once, after the batch, instead of after every handled event. Only for a
    /// consumer whose handler is idempotent by its own record (the bot's handled turn, the outbox's (conversation, seq)):
    /// after a crash mid-batch the whole batch is handled again, and what was done already is skipped. Halves the write
    /// transactions such a consumer adds per event on SQLite (docs/events.md).
    /// </summary>
    public virtual bool SaveCursorPerBatch => false;

    /// <summary>
    /// The event types whose commit wakes this consumer at once, on any node (null: every commit). List every type
    /// <see cref="Wants"/> can accept: one left out is still handled, but only at the next poll
    /// (<c>Minwon:Events:PollMilliseconds</c>). The events of other types are passed over at the poll too. Under chat
    /// traffic nearly every commit is a <c>MessageSent</c>; a consumer that does not want it is no longer woken by each
    /// one (docs/events.md).
    /// </summary>
    public virtual IReadOnlyCollection<Type>? WakesOn => null;

    /// <summary>Which events to hand to <see cref="HandleAsync"/>; the cursor passes over the others.</summary>
    public abstract bool Wants(EventEnvelope e);

    /// <summary>
    /// Optional, for the default batch: with one query for the whole batch, which of its wanted events can need
    /// <see cref="HandleAsync"/> at all (null: all of them). The others are passed over like unwanted events. For a consumer
    /// whose handler would look each event's conversation up only to find nothing to do (the bot in a chat a counsellor has,
    /// channel replies in a web chat): that was a query and a scope per chat message (docs/load.md).
    /// </summary>
    public virtual Task<Func<EventEnvelope, bool>?> NarrowAsync(IReadOnlyList<EventEnvelope> wanted, Data.MinwonDbContext db,
        CancellationToken cancellationToken) => Task.FromResult<Func<EventEnvelope, bool>?>(null);

    /// <summary>Handles one event. Throwing retries it with backoff; after the last attempt it is dead-lettered.</summary>
    public abstract Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one batch after <paramref name="run"/>'s cursor and returns how many events were read (0 when caught up).
    /// The default hands each wanted event to <see cref="HandleAsync"/> and saves the cursor after each; a consumer
    /// whose results live in the database may instead save them and the cursor in one transaction.
    /// </summary>
    public virtual Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken) => run.HandleEachAsync(this, cancellationToken);

    /// <summary>Called once when this node starts running the consumer (at start, or when it takes the lease).</summary>
    public virtual Task StartAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when this node stops running it (shutdown, or the lease was lost).</summary>
    public virtual Task StopAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
