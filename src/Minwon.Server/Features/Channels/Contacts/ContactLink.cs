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

    /// <summary>
    /// The two contacts in a fixed order (<see cref="PairOf"/>), so that A–B and B–A are one key: a unique index over the
    /// links not undone makes two counsellors linking the same pair at the same instant store one link (the other gets 409).
    /// </summary>
    public string PairKey { get; init; } = "";

    /// <summary>The two ids in lower-case text, the smaller first (ordinal), joined by a colon: what the migration computes in SQL.</summary>
    public static string PairOf(Guid a, Guid b)
    {
        var (x, y) = (a.ToString("D"), b.ToString("D"));
        return string.CompareOrdinal(x, y) <= 0 ? $"{x}:{y}" : $"{y}:{x}";
    }

    public const string ActivePairIndex = "IX_ContactLinks_PairKey_Active";
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
        entity.Property(l => l.PairKey).HasMaxLength(73);
        entity.HasIndex(l => l.PairKey).IsUnique().HasFilter("\"UndoneAt\" IS NULL").HasDatabaseName(ContactLink.ActivePairIndex);
    }
}
