using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Quality;

/// <summary>A counsellor disputes one finding of their own score; a supervisor upholds or rejects it.</summary>
public sealed class QualityDispute
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public long FindingId { get; init; }
    public Guid ScoreId { get; init; }
    public required string CounsellorId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DisputeStatus Status { get; set; } = DisputeStatus.Open;
    public string? ResolvedById { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }

    public const int MaxTextLength = 1000;
}

public enum DisputeStatus { Open, Upheld, Rejected }

/// <summary>
/// Calibration: a supervisor scores a consultation by hand; the automatic scores at that moment are kept beside,
/// so agreement can be followed over time even after disputes change the automatic score.
/// </summary>
public sealed class QualityReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ScoreId { get; init; }
    public required string ReviewerId { get; init; }
    public DateTimeOffset ReviewedAt { get; init; }
    public int Greeting { get; init; }
    public int Attitude { get; init; }
    public int Handling { get; init; }
    public int Reachability { get; init; }
    public int Closing { get; init; }
    public int AutoGreeting { get; init; }
    public int AutoAttitude { get; init; }
    public int AutoHandling { get; init; }
    public int AutoReachability { get; init; }
    public int AutoClosing { get; init; }
    public string? Note { get; init; }
}

/// <summary>A scorecard version, stored as the JSON the scorer reads. Versions are never changed, only added.</summary>
public sealed class QualityScorecardVersion
{
    public int Version { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }

    public const int MaxJsonLength = 200_000;
}

internal sealed class QualityDisputeConfiguration : IEntityTypeConfiguration<QualityDispute>
{
    public void Configure(EntityTypeBuilder<QualityDispute> entity)
    {
        entity.ToTable("QualityDisputes");
        entity.HasIndex(d => new { d.Status, d.CreatedAt });
        entity.HasIndex(d => new { d.CounsellorId, d.CreatedAt });
        entity.HasIndex(d => d.FindingId);
        entity.Property(d => d.CounsellorId).HasMaxLength(64);
        entity.Property(d => d.ResolvedById).HasMaxLength(64);
        entity.Property(d => d.Reason).HasMaxLength(QualityDispute.MaxTextLength);
        entity.Property(d => d.Resolution).HasMaxLength(QualityDispute.MaxTextLength);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
    }
}

internal sealed class QualityReviewConfiguration : IEntityTypeConfiguration<QualityReview>
{
    public void Configure(EntityTypeBuilder<QualityReview> entity)
    {
        entity.ToTable("QualityReviews");
        entity.HasIndex(r => r.ScoreId);
        entity.HasIndex(r => r.ReviewedAt);
        entity.Property(r => r.ReviewerId).HasMaxLength(64);
        entity.Property(r => r.Note).HasMaxLength(QualityDispute.MaxTextLength);
    }
}

internal sealed class QualityScorecardVersionConfiguration : IEntityTypeConfiguration<QualityScorecardVersion>
{
    public void Configure(EntityTypeBuilder<QualityScorecardVersion> entity)
    {
        entity.ToTable("QualityScorecards");
        entity.HasKey(v => v.Version);
        entity.Property(v => v.Version).ValueGeneratedNever();
        entity.Property(v => v.Name).HasMaxLength(100);
        entity.Property(v => v.Json).HasMaxLength(QualityScorecardVersion.MaxJsonLength);
        entity.Property(v => v.CreatedById).HasMaxLength(64);
    }
}
