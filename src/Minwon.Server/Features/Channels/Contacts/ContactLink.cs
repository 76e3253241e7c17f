using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters.Contacts;

/// <summary>
/// A counsellor's decision that two contacts are one citizen (a phone number and a messenger id, say), after checking
/// with the citizen. Never a merge of rows: each contact keeps its key and conversations; the desk shows the history of
/// every contact linked to the one in front of it. Undo sets <see cref="UndoneAt"/> (the row stays as the record).
/// </summary>
public sealed class ContactLink
{
    public long Id { get; init; }
    public Guid ContactId { get; init; }
    public Guid LinkedContactId { get; init; }
    public required string LinkedBy { get; init; }
    public DateTimeOffset LinkedAt { get; init; }

    /// <summary>What the counsellor checked (e.g. "본인 확인: 생년월일"), masked before it is stored.</summary>
    public string? Reason { get; init; }

    public string? UndoneBy { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
}

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> entity)
    {
        entity.ToTable("ContactLinks");
        entity.Property(l => l.LinkedBy).HasMaxLength(64);
        entity.Property(l => l.UndoneBy).HasMaxLength(64);
        entity.Property(l => l.Reason).HasMaxLength(300);
        entity.HasIndex(l => l.ContactId);
        entity.HasIndex(l => l.LinkedContactId);
    }
}
