using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Platform.Events;

/// <summary>Reads the event log after a position, in order, only what can no longer change (see <see cref="EventPosition"/>).</summary>
public static class EventReader
{
    public static async Task<List<EventEnvelope>> ReadAfterAsync(MinwonDbContext db, EventPosition after, int take,
        CancellationToken cancellationToken) => (await ReadAsync(db, after, take, cancellationToken)).Events;

    /// <summary>
    /// Like <see cref="ReadAfterAsync"/>, and says whether committed events were held back behind a transaction still
    /// running (<see cref="EventBatch.HeldBack"/>): nothing wakes a reader when that transaction ends, so it must look again.
    /// </summary>
    public static async Task<EventBatch> ReadAsync(MinwonDbContext db, EventPosition after, int take, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite has one writer at a time: what is visible is final.
            // Two index ranges rather than one "after (transaction, id)" condition, which SQLite reads from the index's start.
            var log = db.Set<EventLogEntry>().AsNoTracking();
            var entries = await log.Where(e => e.TxId == after.TxId && e.Id > after.Id).OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);
            if (entries.Count < take)
            {
                entries.AddRange(await log.Where(e => e.TxId > after.TxId).InLogOrder().Take(take - entries.Count).ToListAsync(cancellationToken));
            }

            return new EventBatch(entries.ConvertAll(Envelope), HeldBack: false);
        }

        // PostgreSQL commits out of id order: a transaction that took id 10 may commit after the one that took id 11.
        // Rows of transactions older than the oldest one still running (the snapshot's xmin, the horizon) can no longer
        // appear, so only those are handed out, in (transaction, id) order, and no event that commits later is passed.
        // The horizon is cluster-wide: a write transaction in any database holds it. One row past it is read in the same
        // statement (ordered after every readable row) only to learn that some wait: while a long transaction holds the
        // horizon the host reads again every 50 ms, and a whole batch of rows it cannot hand out would be fetched each time.
        // "TxId" >= the position's is implied by the OR, and written out because PostgreSQL cannot derive it: without it the
        // index is read from its start and every row before the position is filtered out, on every read (16 ms at 150,000
        // rows; 0.02 ms with it).
        var rows = await db.Database.SqlQuery<HorizonRow>($"""
            SELECT e."Id", e."TxId", e."Type", e."Version", e."ConversationId", e."Payload", e."CreatedAt", h."Horizon"
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "Horizon") h,
            LATERAL (
                (SELECT * FROM "EventLog"
                 WHERE "TxId" >= {after.TxId} AND ("TxId" > {after.TxId} OR "Id" > {after.Id}) AND "TxId" < h."Horizon"
                 ORDER BY "TxId", "Id" LIMIT {take})
                UNION ALL
                (SELECT * FROM "EventLog"
                 WHERE "TxId" >= {after.TxId} AND ("TxId" > {after.TxId} OR "Id" > {after.Id}) AND "TxId" >= h."Horizon"
                 ORDER BY "TxId", "Id" LIMIT 1)) e
            ORDER BY e."TxId", e."Id"
            """).ToListAsync(cancellationToken);
        var readable = rows.TakeWhile(r => r.TxId < r.Horizon).Select(r => Envelope(new EventLogEntry
        {
            Id = r.Id, TxId = r.TxId, Type = r.Type, Version = r.Version, ConversationId = r.ConversationId, Payload = r.Payload,
            CreatedAt = r.CreatedAt,
        })).ToList();
        return new EventBatch(readable, HeldBack: readable.Count < rows.Count);
    }

    /// <summary>
    /// The first row after a position in the log's order that <paramref name="rows"/> holds, read as two index ranges
    /// (the position's transaction after its id, then later transactions). Not "id greater than": on PostgreSQL a row with
    /// a higher id can come earlier. Not one "(transaction, id) after" condition either: SQLite and PostgreSQL then read
    /// the (TxId, Id) index from its start and filter out every row before the position.
    /// </summary>
    public static async Task<T?> FirstAfterAsync<T>(IQueryable<EventLogEntry> rows, EventPosition position,
        System.Linq.Expressions.Expression<Func<EventLogEntry, T>> select, CancellationToken cancellationToken)
    {
        var same = await rows.Where(e => e.TxId == position.TxId && e.Id > position.Id).OrderBy(e => e.Id).Select(select).FirstOrDefaultAsync(cancellationToken);
        return same is not null ? same : await rows.Where(e => e.TxId > position.TxId).InLogOrder().Select(select).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The log's order: the one consumers read in and <see cref="EventPosition"/> compares by.</summary>
    public static IOrderedQueryable<EventLogEntry> InLogOrder(this IQueryable<EventLogEntry> rows) => rows.OrderBy(e => e.TxId).ThenBy(e => e.Id);

    /// <summary>The typed envelope of a row; a payload that no longer fits its type is reported as such, not thrown.</summary>
    public static EventEnvelope Envelope(EventLogEntry row)
    {
        IEvent? typed;
        try
        {
            typed = EventCatalog.Deserialize(row.Type, row.Payload);
        }
        catch (System.Text.Json.JsonException)
        {
            typed = new UnreadableEvent(row.Type, row.Payload.Length);
        }

        return new EventEnvelope(row.Id, row.TxId, row.Type, row.Version, row.ConversationId, row.CreatedAt, typed);
    }

    private sealed record HorizonRow(long Id, long TxId, string Type, int Version, Guid? ConversationId, string Payload,
        DateTimeOffset CreatedAt, long Horizon);
}

/// <summary>
/// Events read after a position. <see cref="HeldBack"/>: later events have committed but wait behind an older transaction
/// still running (PostgreSQL); they become readable when it ends, which wakes nobody, so read again shortly.
/// </summary>
public sealed record EventBatch(List<EventEnvelope> Events, bool HeldBack);

/// <summary>A row whose payload does not deserialize into its type: handed to consumers that want it as a poison event.</summary>
[EventType("Unreadable")]
public sealed record UnreadableEvent(string StoredType, int PayloadLength) : IEvent;
