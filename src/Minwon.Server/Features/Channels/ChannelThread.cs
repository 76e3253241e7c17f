using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// Where a channel conversation's replies go: the citizen's address (a phone number, an e-mail address; personal data,
/// never logged) and ours (the number or mailbox they wrote to). One per conversation.
/// </summary>
public sealed class ChannelThread
{
    public Guid ConversationId { get; init; }
    public required string Channel { get; init; }
    public required string CitizenAddress { get; init; }
    public required string OwnAddress { get; init; }

    /// <summary>E-mail: the subject replies answer ("Re: ...").</summary>
    public string? Subject { get; set; }

    /// <summary>E-mail: the last Message-ID in the thread (In-Reply-To of the next reply) and the References chain.</summary>
    public string? LastExternalId { get; set; }

    public string? References { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ChannelThreadConfiguration : IEntityTypeConfiguration<ChannelThread>
{
    public void Configure(EntityTypeBuilder<ChannelThread> entity)
    {
        entity.ToTable("ChannelThreads");
        entity.HasKey(t => t.ConversationId);
        entity.Property(t => t.Channel).HasMaxLength(20);
        entity.Property(t => t.CitizenAddress).HasMaxLength(320);
        entity.Property(t => t.OwnAddress).HasMaxLength(320);
        entity.Property(t => t.Subject).HasMaxLength(300);
        entity.Property(t => t.LastExternalId).HasMaxLength(ChannelMessage.MaxExternalId);
        entity.Property(t => t.References).HasMaxLength(2000);
        entity.HasIndex(t => new { t.Channel, t.CitizenAddress, t.OwnAddress });
    }
}
