using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Platform.Events;

/// <summary>
/// An event a consumer gave up on after its retries (a poison event): kept with the error so it can be examined and
/// replayed, logged as an error, counted on /health/ready, while the consumer goes on with the next event.
/// </summary>
public sealed class EventDeadLetter
{
    public long Id { get; init; }
    public required string Consumer { get; init; }
    public long EventId { get; init; }
    public required string EventType { get; init; }
    public int Attempts { get; init; }
    public required string Error { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class EventDeadLetterConfiguration : IEntityTypeConfiguration<EventDeadLetter>
{
    public void Configure(EntityTypeBuilder<EventDeadLetter> entity)
    {
        entity.ToTable("EventDeadLetters");
        entity.Property(e => e.Consumer).HasMaxLength(40);
        entity.Property(e => e.EventType).HasMaxLength(60);
        entity.Property(e => e.Error).HasMaxLength(2000);
        entity.HasIndex(e => new { e.Consumer, e.EventId }).IsUnique();
    }
}
