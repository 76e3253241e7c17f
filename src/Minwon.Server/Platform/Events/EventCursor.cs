using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// How far one consumer has read the event log (<see cref="EventConsumer.Name"/>). A consumer that keeps its results
/// in the database saves the cursor in the same transaction as them; the concurrency token makes a second writer of
/// the same cursor (a node that lost its lease) fail instead of moving it backwards.
/// </summary>
public sealed class EventCursor
{
    public required string Name { get; init; }

    /// <summary>The id of the last event handled (or passed over).</summary>
    public long Position { get; set; }

    /// <summary>The commit group of that event (<see cref="EventPosition.TxId"/>).</summary>
    public long TxId { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>A consumer's own state that must match its position (the issue detector's baselines), saved with it.</summary>
    public string? State { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public EventPosition At => new(TxId, Position);

    public void MoveTo(EventPosition position, DateTimeOffset now)
    {
        (TxId, Position) = (position.TxId, position.Id);
        UpdatedAt = now;
    }
}

internal sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> entity)
    {
        entity.ToTable("EventCursors");
        entity.HasKey(c => c.Name);
        entity.Property(c => c.Name).HasMaxLength(40);
        entity.Property(c => c.Version).IsConcurrencyToken();
    }
}
