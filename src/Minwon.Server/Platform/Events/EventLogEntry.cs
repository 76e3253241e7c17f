using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// The durable event log: written in the same transaction as the change it records, read by slower consumers
/// (analytics, issue detection, QA, indexing) by cursor (<see cref="Id"/>), so they survive restarts and nodes.
/// Payloads carry ids and categories, never message text.
/// </summary>
public sealed class EventLogEntry
{
    public long Id { get; init; }
    public required string Type { get; init; }
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
        entity.HasIndex(e => e.CreatedAt);
    }
}
