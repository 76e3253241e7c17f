using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>An emerging issue found by the detector (이슈알리미): what, where, how many against what was expected.</summary>
public sealed class DetectedIssue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The grouped terms, space-separated (망원동 단수 수돗물).</summary>
    public required string Terms { get; set; }

    public string? Category { get; set; }
    public string? District { get; set; }
    public int Count { get; set; }
    public double Baseline { get; set; }
    public double Score { get; set; }
    public IssueStatus Status { get; set; } = IssueStatus.New;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public enum IssueStatus { New, Confirmed, Dismissed, Resolved }

/// <summary>One line of an issue's timeline: detected, grown, confirmed, notice published, resolved.</summary>
public sealed class IssueTimelineEntry
{
    public long Id { get; init; }
    public Guid IssueId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string What { get; init; }
    public string? By { get; init; }
}

/// <summary>The conversations behind an issue, so supervisors can read what citizens said.</summary>
public sealed class IssueContact
{
    public long Id { get; init; }
    public Guid IssueId { get; init; }
    public Guid ConversationId { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class DetectedIssueConfiguration : IEntityTypeConfiguration<DetectedIssue>
{
    public void Configure(EntityTypeBuilder<DetectedIssue> entity)
    {
        entity.ToTable("Issues");
        entity.Property(i => i.Terms).HasMaxLength(400);
        entity.Property(i => i.Category).HasMaxLength(80);
        entity.Property(i => i.District).HasMaxLength(20);
        entity.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        entity.Property(i => i.DecidedBy).HasMaxLength(64);
        entity.HasIndex(i => new { i.Status, i.DetectedAt });
    }
}

internal sealed class IssueTimelineEntryConfiguration : IEntityTypeConfiguration<IssueTimelineEntry>
{
    public void Configure(EntityTypeBuilder<IssueTimelineEntry> entity)
    {
        entity.ToTable("IssueTimeline");
        entity.Property(e => e.What).HasMaxLength(400);
        entity.Property(e => e.By).HasMaxLength(64);
        entity.HasIndex(e => new { e.IssueId, e.At });
    }
}

internal sealed class IssueContactConfiguration : IEntityTypeConfiguration<IssueContact>
{
    public void Configure(EntityTypeBuilder<IssueContact> entity)
    {
        entity.ToTable("IssueContacts");
        entity.HasIndex(e => new { e.IssueId, e.At });
    }
}
