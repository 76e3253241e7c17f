using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// How far a consumer has read the event log. Saved in the same transaction as the rollups it produced, so a restart
/// neither loses nor double-counts events; the concurrency token makes a second node's overlapping batch fail and retry.
/// </summary>
public sealed class AnalyticsCursor
{
    public required string Name { get; init; }
    public long Position { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class AnalyticsCursorConfiguration : IEntityTypeConfiguration<AnalyticsCursor>
{
    public void Configure(EntityTypeBuilder<AnalyticsCursor> entity)
    {
        entity.ToTable("AnalyticsCursors");
        entity.HasKey(c => c.Name);
        entity.Property(c => c.Name).HasMaxLength(40);
        entity.Property(c => c.Version).IsConcurrencyToken();
    }
}
