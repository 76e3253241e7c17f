using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// A message or a visible state change ("상담사가 연결되었습니다") in a conversation. Stored before it is sent;
/// clients resume from the last <see cref="Seq"/> they saw, and a retried send with the same client id is stored once.
/// </summary>
public sealed class Message
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public int Seq { get; init; }
    public string? ClientMessageId { get; init; }
    public MessageKind Kind { get; init; }
    public MessageSender Sender { get; init; }
    public string? SenderId { get; init; }
    public string? SenderName { get; init; }

    /// <summary>The text as stored, searched and shown: personal data masked. Always plain text: every screen escapes it.</summary>
    public required string Body { get; init; }

    /// <summary>The unmasked text, encrypted with Data Protection, kept only when masking changed something.
    /// Revealing it is access-logged (see Features/TextSafety/RevealOriginal.cs).</summary>
    public string? ProtectedOriginal { get; init; }

    /// <summary>none, profanity, insult, threat or sexual; the desk blurs anything but none.</summary>
    public string Abuse { get; init; } = "none";

    public double AbuseScore { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public const int MaxBodyLength = 4000;

    /// <summary>The message as clients see it (kind and sender in lower case, as the chat clients expect).</summary>
    public MessageDto ToDto() =>
        new(Seq, ClientMessageId, Kind.ToString().ToLowerInvariant(), Sender.ToString().ToLowerInvariant(),
            SenderName, Body, CreatedAt, Abuse, ProtectedOriginal is not null,
            Core.Languages.LanguageIdentifier.Default.Identify(Body) is { IsConfident: true } guess ? guess.Language : null);
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> entity)
    {
        entity.ToTable("Messages");
        entity.Property(m => m.ClientMessageId).HasMaxLength(64);
        entity.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        entity.Property(m => m.Sender).HasConversion<string>().HasMaxLength(10);
        entity.Property(m => m.SenderId).HasMaxLength(64);
        entity.Property(m => m.SenderName).HasMaxLength(100);
        entity.Property(m => m.Body).HasMaxLength(Message.MaxBodyLength * 2);
        entity.Property(m => m.ProtectedOriginal).HasMaxLength(Message.MaxBodyLength * 4);
        entity.Property(m => m.Abuse).HasMaxLength(12);
        entity.HasIndex(m => new { m.Abuse, m.CreatedAt });
        entity.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
        entity.HasIndex(m => new { m.ConversationId, m.ClientMessageId }).IsUnique()
            .HasFilter("\"ClientMessageId\" IS NOT NULL");
    }
}
