using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters;

public enum DeliveryStatus
{
    /// <summary>Waiting to be sent (first try, or again after a failure at NextAttemptAt).</summary>
    Pending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>The provider's receipt says it reached the citizen.</summary>
    Delivered,

    /// <summary>The provider refused it, its receipt says it failed, or it kept failing until it was too old.</summary>
    Failed,

    /// <summary>Not sent: the citizen opted out of this channel (수신거부).</summary>
    OptedOut,
}

/// <summary>
/// A reply waiting for, or done with, its channel's provider (the outbox). Written once per conversation message by
/// <see cref="QueueChannelReplies"/>; sent by <see cref="ChannelOutboxSender"/> with retries and backoff.
/// <see cref="ExternalId"/> is made before the first try and sent on every try, so the provider can drop a repeat.
/// </summary>
public sealed class ChannelOutboxItem
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public int Seq { get; init; }
    public required string Channel { get; init; }
    public required string ExternalId { get; init; }
    public required string To { get; init; }
    public required string From { get; init; }
    public required string Text { get; init; }

    /// <summary>sms, lms or mms for text messages; email for mail.</summary>
    public required string Kind { get; init; }

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The provider's own id for the sent message (X's DM event id, SOLAPI's messageId), when it gives one. For X it
    /// also marks that DM as ours, so a retry that looks for an earlier try's DM never takes one that belongs to another reply.</summary>
    public string? ProviderMessageId { get; set; }
}

internal sealed class ChannelOutboxItemConfiguration : IEntityTypeConfiguration<ChannelOutboxItem>
{
    public void Configure(EntityTypeBuilder<ChannelOutboxItem> entity)
    {
        entity.ToTable("ChannelOutbox");
        entity.Property(o => o.Channel).HasMaxLength(20);
        entity.Property(o => o.ExternalId).HasMaxLength(ChannelMessage.MaxExternalId);
        entity.Property(o => o.To).HasMaxLength(320);
        entity.Property(o => o.From).HasMaxLength(320);
        entity.Property(o => o.Text).HasMaxLength(20000);
        entity.Property(o => o.Kind).HasMaxLength(10);
        entity.Property(o => o.Status).HasConversion<string>().HasMaxLength(12);
        entity.Property(o => o.LastError).HasMaxLength(500);
        entity.Property(o => o.ProviderMessageId).HasMaxLength(100);
        entity.HasIndex(o => new { o.Channel, o.ProviderMessageId });
        entity.HasIndex(o => new { o.ConversationId, o.Seq }).IsUnique();
        entity.HasIndex(o => new { o.Channel, o.ExternalId }).IsUnique();
        entity.HasIndex(o => new { o.Status, o.NextAttemptAt });
    }
}
