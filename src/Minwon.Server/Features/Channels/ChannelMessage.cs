using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// A provider's message id, once per channel: inbound ids make a redelivered webhook or a re-read mail a no-op, and
/// outbound e-mail Message-IDs let a reply (In-Reply-To, References) find its conversation.
/// </summary>
public sealed class ChannelMessage
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string ExternalId { get; init; }
    public bool Inbound { get; init; }
    public Guid ConversationId { get; init; }

    /// <summary>The conversation message it became (null: nothing was stored, e.g. an opt-out or an auto-reply).</summary>
    public int? Seq { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public const int MaxExternalId = 200;
}

internal sealed class ChannelMessageConfiguration : IEntityTypeConfiguration<ChannelMessage>
{
    public void Configure(EntityTypeBuilder<ChannelMessage> entity)
    {
        entity.ToTable("ChannelMessages");
        entity.Property(m => m.Channel).HasMaxLength(20);
        entity.Property(m => m.ExternalId).HasMaxLength(ChannelMessage.MaxExternalId);
        entity.HasIndex(m => new { m.Channel, m.ExternalId }).IsUnique();
        entity.HasIndex(m => m.ConversationId);
    }
}
