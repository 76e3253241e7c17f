using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Reference;

/// <summary>One of Seoul's 25 autonomous districts (자치구), keyed by its 5-digit 시군구 code.</summary>
public sealed class District
{
    public required string Code { get; init; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public required string Region { get; set; }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> entity)
    {
        entity.ToTable("Districts");
        entity.HasKey(d => d.Code);
        entity.Property(d => d.Code).HasMaxLength(5);
        entity.Property(d => d.NameKo).HasMaxLength(20);
        entity.Property(d => d.NameEn).HasMaxLength(40);
        entity.Property(d => d.Region).HasMaxLength(20);
        entity.HasIndex(d => d.NameKo).IsUnique();
    }
}
