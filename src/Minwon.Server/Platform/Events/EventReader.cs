using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Platform.Events;

/// <summary>Reads the event log after a position, in order, only what can no longer change (see <see cref="EventPosition"/>).</summary>
public static class EventReader
{
    public static async Task<List<EventEnvelope>> ReadAfterAsync(MinwonDbContext db, EventPosition after, int take,
        CancellationToken cancellationToken)
    {
        // PostgreSQL commits out of id order: a transaction that took id 10 may commit after the one that took id 11.
        // Rows of transactions older than the oldest one still running can no longer appear, so reading only those,
        // in (transaction, id) order, never passes an event that commits later. SQLite has one writer at a time.
        var rows = db.Database.IsNpgsql()
            ? db.Set<EventLogEntry>().FromSqlRaw(
                """SELECT * FROM "EventLog" WHERE "TxId" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint""")
            : db.Set<EventLogEntry>();
        var entries = await rows.AsNoTracking()
            .Where(e => e.TxId > after.TxId || (e.TxId == after.TxId && e.Id > after.Id))
            .OrderBy(e => e.TxId).ThenBy(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return entries.ConvertAll(Envelope);
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
}

/// <summary>A row whose payload does not deserialize into its type: handed to consumers that want it as a poison event.</summary>
[EventType("Unreadable")]
public sealed record UnreadableEvent(string StoredType, int PayloadLength) : IEvent;
