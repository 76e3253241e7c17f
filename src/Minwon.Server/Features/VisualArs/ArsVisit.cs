using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs;

/// <summary>One step of an anonymous menu session (cookie id), for the supervisors' menu analytics.</summary>
public sealed class ArsVisit
{
    public long Id { get; init; }
    public required string SessionId { get; init; }
    public required string NodeId { get; init; }
    public ArsVisitKind Kind { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class ArsVisitConfiguration : IEntityTypeConfiguration<ArsVisit>
{
    public void Configure(EntityTypeBuilder<ArsVisit> entity)
    {
        entity.ToTable("ArsVisits");
        entity.Property(v => v.SessionId).HasMaxLength(40);
        entity.Property(v => v.NodeId).HasMaxLength(64);
        entity.Property(v => v.Kind).HasConversion<string>().HasMaxLength(12);
        entity.HasIndex(v => v.At);
        entity.HasIndex(v => new { v.SessionId, v.At });
    }
}
