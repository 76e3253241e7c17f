using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Counters for one hour (UTC, by the contact's arrival) and one channel, category and district. Live dashboards read
/// only these. Unknown values are kept as they came (0 for no category, "" for no district) and shown as 미상.
/// </summary>
public sealed class HourlyRollup : RollupCounters
{
    public long Id { get; init; }
    public DateTimeOffset HourStart { get; init; }
    public required string Channel { get; init; }
    public int CategoryId { get; init; }
    public string DistrictCode { get; init; } = "";
}

internal sealed class HourlyRollupConfiguration : IEntityTypeConfiguration<HourlyRollup>
{
    public void Configure(EntityTypeBuilder<HourlyRollup> entity)
    {
        entity.ToTable("AnalyticsHourly");
        entity.Property(r => r.Channel).HasMaxLength(20);
        entity.Property(r => r.DistrictCode).HasMaxLength(5);
        entity.HasIndex(r => new { r.HourStart, r.Channel, r.CategoryId, r.DistrictCode }).IsUnique();
    }
}
