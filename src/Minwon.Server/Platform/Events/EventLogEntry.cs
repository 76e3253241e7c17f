using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// The durable event log: one row per <see cref="IEvent"/>, written in the same transaction as the change it records
/// (<see cref="EventLog"/>), read by consumers by cursor (<see cref="EventConsumer"/>), so they survive restarts and
/// nodes. Payloads carry ids and categories, never message text. docs/events.md lists every type.
/// </summary>
public sealed class EventLogEntry
{
    public long Id { get; init; }

    /// <summary>The writing transaction on PostgreSQL (pg_current_xact_id), 0 on SQLite: see <see cref="EventPosition"/>.</summary>
    public long TxId { get; init; }

    /// <summary>The stable name of the record (<see cref="EventTypeAttribute.Name"/>).</summary>
    public required string Type { get; init; }

    /// <summary>The payload version; rows written before typed events are version 1.</summary>
    public int Version { get; init; } = 1;

    public Guid? ConversationId { get; init; }
    public string Payload { get; init; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class EventLogEntryConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> entity)
    {
        entity.ToTable("EventLog");
        entity.Property(e => e.Type).HasMaxLength(60);
        entity.Property(e => e.Payload).HasMaxLength(4000);
        entity.Property(e => e.Version).HasDefaultValue(1);
        entity.HasIndex(e => e.CreatedAt);
        entity.HasIndex(e => new { e.TxId, e.Id });
    }
}
