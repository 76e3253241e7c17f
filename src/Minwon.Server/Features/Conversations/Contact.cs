using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// A citizen's contact record (민원인). Web chat citizens are anonymous: a random key kept in their browser links
/// their conversations, so a counsellor sees that citizen's earlier cases.
/// </summary>
public sealed class Contact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Opaque key from the citizen's browser (or a phone number hash from telephony); never shown.</summary>
    public required string ExternalKey { get; init; }

    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by the protection workflow: later contacts of this citizen go to the designated team's queue.</summary>
    public int? RouteToQueueId { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> entity)
    {
        entity.ToTable("Contacts");
        entity.Property(c => c.ExternalKey).HasMaxLength(128);
        entity.Property(c => c.DisplayName).HasMaxLength(100);
        entity.HasIndex(c => c.ExternalKey).IsUnique();
    }
}
