using System.Linq.Expressions;
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
            var entries = await TakeAfterAsync(db.Set<EventLogEntry>().AsNoTracking(), after, take, e => e, cancellationToken);
            return new EventBatch(entries.ConvertAll(Envelope), HeldBack: false);
        }

        // PostgreSQL commits out of id order: a transaction that took id 10 may commit after the one that took id 11.
        // Rows of transactions older than the oldest one still running (the snapshot's xmin, the horizon) can no longer
        // appear, so only those are handed out, in (transaction, id) order, and no event that commits later is passed.
        // The horizon is cluster-wide: a write transaction in any database holds it. One row past it is read in the same
        // statement (ordered after every readable row) only to learn that some wait: while a long transaction holds the
        // horizon the host reads again every 50 ms, and a whole batch of rows it cannot hand out would be fetched each time.
        // "TxId" >= the position's is implied by the OR, and written out because PostgreSQL cannot derive it: without it the
        // index is read from its start and every row before the position is filtered out, on every read (EXPLAIN: 13 ms
        // with 147,000 rows before the position; 0.02 ms with it).
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

    /// <summary>The first row after a position in the log's order that <paramref name="rows"/> holds (see <see cref="TakeAfterAsync"/>).</summary>
    public static async Task<T?> FirstAfterAsync<T>(IQueryable<EventLogEntry> rows, EventPosition position,
        Expression<Func<EventLogEntry, T>> select, CancellationToken cancellationToken) =>
        (await TakeAfterAsync(rows, position, 1, select, cancellationToken)) is [var first] ? first : default;

    /// <summary>
    /// Up to <paramref name="take"/> rows after a position in the log's order, read as two index ranges: the position's
    /// transaction after its id, then later transactions. Not "id greater than": on PostgreSQL a row with a higher id can
    /// come earlier. Not one "(transaction, id) after" condition either: SQLite and PostgreSQL then read the (TxId, Id)
    /// index from its start and filter out every row before the position.
    /// </summary>
    private static async Task<List<T>> TakeAfterAsync<T>(IQueryable<EventLogEntry> rows, EventPosition position, int take,
        Expression<Func<EventLogEntry, T>> select, CancellationToken cancellationToken)
    {
        var taken = await rows.Where(e => e.TxId == position.TxId && e.Id > position.Id).OrderBy(e => e.Id).Select(select).Take(take)
            .ToListAsync(cancellationToken);
        if (taken.Count < take)
        {
            taken.AddRange(await rows.Where(e => e.TxId > position.TxId).InLogOrder().Select(select).Take(take - taken.Count)
                .ToListAsync(cancellationToken));
        }

        return taken;
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
