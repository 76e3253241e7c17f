using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.VisualArs;

/// <summary>A photo a citizen attached, stored under a server-made name in {DataDir}/uploads; staff download it only.</summary>
public sealed class ArsUpload
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string StoredName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ArsUploadConfiguration : IEntityTypeConfiguration<ArsUpload>
{
    public void Configure(EntityTypeBuilder<ArsUpload> entity)
    {
        entity.ToTable("ArsUploads");
        entity.Property(u => u.StoredName).HasMaxLength(64);
        entity.Property(u => u.ContentType).HasMaxLength(40);
    }
}
