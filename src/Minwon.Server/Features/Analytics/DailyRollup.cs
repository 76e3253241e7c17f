using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// The same counters per Seoul day: the hourly grain hardly compresses (more channel × category × district
/// combinations than an hour has contacts), so volume by channel, category and district over weeks reads these.
/// </summary>
public sealed class DailyRollup : RollupCounters
{
    public long Id { get; init; }
    public DateOnly Day { get; init; }
    public required string Channel { get; init; }
    public int CategoryId { get; init; }
    public string DistrictCode { get; init; } = "";
}

internal sealed class DailyRollupConfiguration : IEntityTypeConfiguration<DailyRollup>
{
    public void Configure(EntityTypeBuilder<DailyRollup> entity)
    {
        entity.ToTable("AnalyticsDaily");
        entity.Property(r => r.Channel).HasMaxLength(20);
        entity.Property(r => r.DistrictCode).HasMaxLength(5);
        entity.HasIndex(r => new { r.Day, r.Channel, r.CategoryId, r.DistrictCode }).IsUnique();
    }
}
