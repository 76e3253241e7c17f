using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// What a consumer's batch needs: its cursor, the log, a scope per event, retries and the poison policy. One per
/// consumer per node, used by one loop at a time.
/// </summary>
public sealed partial class EventConsumerRun(string name, IDbContextFactory<MinwonDbContext> contexts, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger logger)
{
    /// <summary>Attempts for an event whose handler throws something other than a database outage.</summary>
    public const int MaxAttempts = 4;

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    private readonly System.Diagnostics.Stopwatch pacing = System.Diagnostics.Stopwatch.StartNew();
    private EventPosition? unsaved;
    private EventPosition? readTo;
    private volatile Mark? reached;

    public string Name { get; } = name;

    /// <summary>Where the consumer is; the host reports it as lag.</summary>
    public EventPosition Position { get; private set; }

    /// <summary>
    /// Whether the last <see cref="ReadAsync"/> left committed events waiting behind an older transaction still running
    /// (<see cref="EventBatch.HeldBack"/>): the host then looks again shortly instead of waiting for the next commit.
    /// </summary>
    public bool HeldBack { get; private set; }

    /// <summary>Reads the log after <paramref name="after"/> for this consumer; batch consumers read through it too.</summary>
    public async Task<List<EventEnvelope>> ReadAsync(MinwonDbContext db, EventPosition after, int take, CancellationToken cancellationToken)
    {
        var batch = await EventReader.ReadAsync(db, after, take, cancellationToken);
        HeldBack = batch.HeldBack;
        readTo = batch.Events.Count > 0 ? batch.Events[^1].Position : after;
        return batch.Events;
    }

    /// <summary>
    /// How far this node has processed the log in memory while it runs the consumer (null: not running here, or no batch
    /// done yet): the end of what the last successful batch read, saved or not. The processing-lag gauge is the age of
    /// the oldest event after it (<see cref="Observability.ConsumerLagSampler"/>), unlike the saved cursor's lag, which
    /// also counts the save cadence (the issue detector saves every 30 s).
    /// </summary>
    public EventPosition? Reached => reached?.At;

    /// <summary>The host's note that a batch succeeded: what it read counts as processed.</summary>
    internal void BatchDone()
    {
        if (readTo is { } at)
        {
            reached = new Mark(at);
        }
    }

    /// <summary>The host's note that this node no longer runs the consumer (lease lost, shutdown).</summary>
    internal void Stopped()
    {
        reached = null;
        readTo = null;
    }

    // Read by the sampler's thread: a reference, so a read never sees half of a position.
    private sealed record Mark(EventPosition At);

    public async Task<EventCursor> LoadCursorAsync(MinwonDbContext db, CancellationToken cancellationToken)
    {
        var cursor = await db.Set<EventCursor>().FirstOrDefaultAsync(c => c.Name == Name, cancellationToken);
        if (cursor is null)
        {
            cursor = new EventCursor { Name = Name };
            db.Add(cursor);
        }

        Position = cursor.At;
        return cursor;
    }

    /// <summary>
    /// The default batch: each wanted event handled (with retries) in its own scope, the cursor saved after it, or once
    /// after the batch for a consumer that says <see cref="EventConsumer.SaveCursorPerBatch"/>.
    /// </summary>
    public async Task<int> HandleEachAsync(EventConsumer consumer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cursor = await LoadCursorAsync(db, cancellationToken);
        if (unsaved is { } ahead && ahead.CompareTo(cursor.At) > 0)
        {
            cursor.MoveTo(ahead, clock.GetUtcNow());
        }

        var handledSinceSave = false;
        var batch = await ReadAsync(db, cursor.At, consumer.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            if (unsaved is not null && pacing.Elapsed >= TimeSpan.FromSeconds(1))
            {
                await SaveCursorAsync(db, cancellationToken);
            }

            return 0;
        }

        var wanted = batch.Where(e => e.Event is not UnreadableEvent && consumer.Wants(e)).ToList();
        var worth = wanted.Count > 0 ? await consumer.NarrowAsync(wanted, db, cancellationToken) : null;

        foreach (var e in batch)
        {
            if (e.Event is UnreadableEvent)
            {
                // A row no type can read: every consumer sets it aside (it cannot know whether it wanted it) and goes on.
                await DeadLetterAsync(e, new InvalidDataException($"Unreadable payload of a {e.Type} event (version {e.Version})."), 0, cancellationToken);
                cursor.MoveTo(e.Position, clock.GetUtcNow());
                await SaveCursorAsync(db, cancellationToken);
            }
            else if (consumer.Wants(e) && (worth is null || worth(e)))
            {
                await HandleAsync(consumer, e, cancellationToken);
                cursor.MoveTo(e.Position, clock.GetUtcNow());
                if (!consumer.SaveCursorPerBatch)
                {
                    await SaveCursorAsync(db, cancellationToken);
                }

                handledSinceSave = true;
            }
            else
            {
                cursor.MoveTo(e.Position, clock.GetUtcNow());
            }
        }

        // Passing over events nobody here wanted is saved at most once a second: on SQLite every save is a write that
        // citizens' messages wait behind, and re-reading a few unwanted events after a restart costs nothing.
        if (handledSinceSave || pacing.Elapsed >= TimeSpan.FromSeconds(1))
        {
            await SaveCursorAsync(db, cancellationToken);
        }
        else
        {
            // Kept in memory: the next batch starts after it even though it is not saved yet.
            unsaved = cursor.At;
        }

        return batch.Count;
    }

    private async Task SaveCursorAsync(MinwonDbContext db, CancellationToken cancellationToken)
    {
        // A concurrency conflict here means another node moved this cursor: this node no longer holds the consumer.
        await db.SaveChangesAsync(cancellationToken);
        Position = db.ChangeTracker.Entries<EventCursor>().Single().Entity.At;
        unsaved = null;
        pacing.Restart();
    }

    private async Task HandleAsync(EventConsumer consumer, EventEnvelope e, CancellationToken cancellationToken)
    {
        // Every line a handler logs names the event and its conversation (docs/operations.md, "Logs").
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Consumer"] = Name, ["EventId"] = e.Id, ["EventType"] = e.Type, ["ConversationId"] = e.ConversationId,
        });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await consumer.HandleAsync(e, scope.ServiceProvider, cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsOutage(ex))
            {
                // The database (or the network to it) is down: the event is not at fault. Wait and try again, loudly,
                // without giving up on it; the stream stands still until the store is back.
                LogOutage(logger, ex, Name, e.Id, attempt);
                await Task.Delay(Backoff[^1] * Math.Min(attempt, 10), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && attempt < MaxAttempts)
            {
                LogRetry(logger, ex, Name, e.Id, e.Type, attempt);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length) - 1], cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await DeadLetterAsync(e, ex, attempt, cancellationToken);
                return;
            }
        }
    }

    private async Task DeadLetterAsync(EventEnvelope e, Exception ex, int attempts, CancellationToken cancellationToken)
    {
        LogPoison(logger, ex, Name, e.Id, e.Type, attempts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<EventDeadLetter>().AnyAsync(d => d.Consumer == Name && d.EventId == e.Id, cancellationToken))
        {
            db.Add(new EventDeadLetter
            {
                Consumer = Name, EventId = e.Id, EventType = e.Type, Attempts = attempts, At = clock.GetUtcNow(),
                Error = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static bool IsOutage(Exception ex) =>
        ex is DbException { IsTransient: true } or TimeoutException
        || ex is DbException && ex.InnerException is IOException or System.Net.Sockets.SocketException
        || ex.InnerException is not null && ex.InnerException != ex && IsOutage(ex.InnerException);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer}: event {EventId} ({EventType}) failed on attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string consumer, long eventId, string eventType, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer}: event {EventId} ({EventType}) failed {Attempts} times; dead-lettered, going on with the next")]
    private static partial void LogPoison(ILogger logger, Exception exception, string consumer, long eventId, string eventType, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer}: the store is unavailable at event {EventId} (attempt {Attempt}); waiting")]
    private static partial void LogOutage(ILogger logger, Exception exception, string consumer, long eventId, int attempt);
}
