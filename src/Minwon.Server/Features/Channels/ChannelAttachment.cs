using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>A photo that came with a channel message, stored like a visual ARS upload (ArsUpload, staff download only).</summary>
public sealed class ChannelAttachment
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public int Seq { get; init; }
    public Guid UploadId { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
}

internal sealed class ChannelAttachmentConfiguration : IEntityTypeConfiguration<ChannelAttachment>
{
    public void Configure(EntityTypeBuilder<ChannelAttachment> entity)
    {
        entity.ToTable("ChannelAttachments");
        entity.Property(a => a.ContentType).HasMaxLength(40);
        entity.HasIndex(a => new { a.ConversationId, a.Seq });
    }
}
