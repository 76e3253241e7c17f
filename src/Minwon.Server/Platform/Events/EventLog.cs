using Minwon.Server.Data;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// Writes events into the caller's unit of work: the row is saved by the same SaveChanges as the change it records,
/// or not at all. After the commit <see cref="EventSignal"/> wakes this node's consumers.
/// </summary>
public sealed class EventLog(MinwonDbContext db, TimeProvider clock)
{
    public void Append(IEvent e, Guid? conversationId = null) => Append(e, conversationId, clock.GetUtcNow());

    /// <summary>An event of the past, for imported history (demo data) whose time is not now.</summary>
    public void Append(IEvent e, Guid? conversationId, DateTimeOffset at)
    {
        var type = EventCatalog.Describe(e.GetType());
        db.Add(new EventLogEntry
        {
            Type = type.Name,
            Version = type.Version,
            ConversationId = conversationId,
            Payload = EventCatalog.Serialize(e),
            CreatedAt = at,
        });
    }
}
