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
            var entries = await db.Set<EventLogEntry>().AsNoTracking()
                .Where(e => e.TxId > after.TxId || (e.TxId == after.TxId && e.Id > after.Id))
                .OrderBy(e => e.TxId).ThenBy(e => e.Id)
                .Take(take)
                .ToListAsync(cancellationToken);
            return new EventBatch(entries.ConvertAll(Envelope), HeldBack: false);
        }

        // PostgreSQL commits out of id order: a transaction that took id 10 may commit after the one that took id 11.
        // Rows of transactions older than the oldest one still running (the snapshot's xmin, the horizon) can no longer
        // appear, so only those are handed out, in (transaction, id) order, and no event that commits later is passed.
        // The horizon is cluster-wide: a write transaction in any database holds it. Rows past it are read in the same
        // statement (ordered after every readable row) only to learn that some wait.
        var rows = await db.Database.SqlQuery<HorizonRow>($"""
            SELECT "Id", "TxId", "Type", "Version", "ConversationId", "Payload", "CreatedAt",
                   pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "Horizon"
            FROM "EventLog"
            WHERE "TxId" > {after.TxId} OR ("TxId" = {after.TxId} AND "Id" > {after.Id})
            ORDER BY "TxId", "Id"
            LIMIT {take}
            """).ToListAsync(cancellationToken);
        var readable = rows.TakeWhile(r => r.TxId < r.Horizon).Select(r => Envelope(new EventLogEntry
        {
            Id = r.Id, TxId = r.TxId, Type = r.Type, Version = r.Version, ConversationId = r.ConversationId, Payload = r.Payload,
            CreatedAt = r.CreatedAt,
        })).ToList();
        return new EventBatch(readable, HeldBack: readable.Count < rows.Count);
    }

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
