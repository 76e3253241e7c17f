using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.VisualArs;

public enum ArsMenuState { Draft, Published, Retired }

/// <summary>One saved version of the menu document. At most one draft; the newest published version is live.</summary>
public sealed class ArsMenuVersion
{
    public int Id { get; init; }
    public ArsMenuState State { get; set; }
    public required string Json { get; set; }
    public string? EditedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

internal sealed class ArsMenuVersionConfiguration : IEntityTypeConfiguration<ArsMenuVersion>
{
    public void Configure(EntityTypeBuilder<ArsMenuVersion> entity)
    {
        entity.ToTable("ArsMenuVersions");
        entity.Property(v => v.State).HasConversion<string>().HasMaxLength(12);
        entity.Property(v => v.EditedBy).HasMaxLength(100);
        entity.HasIndex(v => new { v.State, v.Id });
    }
}
