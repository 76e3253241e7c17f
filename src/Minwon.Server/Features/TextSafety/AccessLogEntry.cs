using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// One access to personal data (개인정보 접속기록): who, when, from where, which record, what action. Entries form a
/// hash chain (each hash covers the previous one), so editing or deleting an entry breaks verification.
/// Kept for at least two years (the safety-measure standard's minimum): only retention removes the oldest, when
/// Minwon:Retention:AccessLogDays (≥ 730) is set, and it leaves an anchor entry in the chain (<see cref="AccessLog"/>).
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; init; }

    /// <summary>1, 2, 3 ... without gaps; unique, so two writers cannot both extend the chain from one entry.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public string? Address { get; init; }

    /// <summary>The record touched, as type:id (message:conversationId/seq, case:id, evidence:incidentId).</summary>
    public required string Record { get; init; }

    /// <summary>view, reveal, export.</summary>
    public required string Action { get; init; }

    public string? Reason { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> entity)
    {
        entity.ToTable("AccessLog");
        entity.HasIndex(e => e.Sequence).IsUnique();
        entity.HasIndex(e => new { e.ActorId, e.At });
        entity.HasIndex(e => e.At);
        entity.Property(e => e.ActorId).HasMaxLength(64);
        entity.Property(e => e.ActorRole).HasMaxLength(20);
        entity.Property(e => e.Address).HasMaxLength(64);
        entity.Property(e => e.Record).HasMaxLength(200);
        entity.Property(e => e.Action).HasMaxLength(20);
        entity.Property(e => e.Reason).HasMaxLength(200);
        entity.Property(e => e.PreviousHash).HasMaxLength(64);
        entity.Property(e => e.Hash).HasMaxLength(64);
    }
}
