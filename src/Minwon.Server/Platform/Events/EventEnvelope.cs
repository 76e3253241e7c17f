namespace Minwon.Server.Platform.Events;

/// <summary>One row of the event log as a consumer sees it: its position, metadata and typed record.</summary>
/// <param name="Event">Null when the stored name belongs to no type any more.</param>
public sealed record EventEnvelope(long Id, long TxId, string Type, int Version, Guid? ConversationId, DateTimeOffset CreatedAt, IEvent? Event)
{
    public EventPosition Position => new(TxId, Id);
}

/// <summary>
/// A place in the log, ordered by (commit group, id). On PostgreSQL <see cref="TxId"/> is the writing transaction's id,
/// so a consumer never passes an event whose transaction has not committed yet; on SQLite (one writer) it is 0.
/// </summary>
public readonly record struct EventPosition(long TxId, long Id) : IComparable<EventPosition>
{
    public static readonly EventPosition Start = new(0, 0);

    public int CompareTo(EventPosition other) => TxId != other.TxId ? TxId.CompareTo(other.TxId) : Id.CompareTo(other.Id);
}
