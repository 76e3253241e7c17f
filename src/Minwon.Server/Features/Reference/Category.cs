using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Reference;

/// <summary>A two-level complaint category (major/minor), e.g. 교통 / 불법주정차 신고·단속.</summary>
public sealed class Category
{
    public int Id { get; init; }
    public required string Major { get; set; }
    public required string Minor { get; set; }

    /// <summary>Example keywords, ';'-separated, as in the seed taxonomy.</summary>
    public string Keywords { get; set; } = "";
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> entity)
    {
        entity.ToTable("Categories");
        entity.Property(c => c.Major).HasMaxLength(40);
        entity.Property(c => c.Minor).HasMaxLength(80);
        entity.Property(c => c.Keywords).HasMaxLength(1000);
        entity.HasIndex(c => new { c.Major, c.Minor }).IsUnique();
    }
}
