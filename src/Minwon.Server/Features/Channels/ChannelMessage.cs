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

    /// <summary>
    /// A provider id that can be stored and looked up: 1 to <see cref="MaxExternalId"/> characters, no control character
    /// (PostgreSQL cannot take a NUL as a parameter or store one; in the inbox's group commit one such id fails every
    /// webhook committed with it). The one rule for the SMS webhook, its delivery receipts and e-mail's ids.
    /// </summary>
    public static bool IsExternalId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxExternalId } && !id.Any(char.IsControl);

    /// <summary>The 400's detail for a <paramref name="field"/> that is not <see cref="IsExternalId"/>.</summary>
    public static string ExternalIdProblem(string field) => $"{field}는 제어 문자 없는 1~{MaxExternalId}자의 문자열이어야 합니다.";
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
