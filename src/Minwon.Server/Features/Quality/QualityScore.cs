using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Quality;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// The quality score of one consultation: five area scores and the total, by the scorecard version that produced
/// them, with who handled it and when. Area scores change only when a supervisor upholds a dispute.
/// </summary>
public sealed class QualityScore
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }
    public Guid? CaseId { get; init; }
    public string? ReceiptNumber { get; init; }
    public required string CounsellorId { get; init; }
    public string CounsellorName { get; init; } = "";
    public string Team { get; init; } = "";
    public string Channel { get; init; } = "chat";

    /// <summary>When the consultation closed; periods and trends count by this.</summary>
    public DateTimeOffset ClosedAt { get; init; }

    public DateTimeOffset ScoredAt { get; init; }
    public int ScorecardVersion { get; init; }
    public int Greeting { get; set; }
    public int Attitude { get; set; }
    public int Handling { get; set; }
    public int Reachability { get; set; }
    public int Closing { get; set; }
    public double Total { get; set; }
    public int Turns { get; init; }
    public double? QueueSeconds { get; init; }

    public int Area(QualityArea area) => area switch
    {
        QualityArea.Greeting => Greeting,
        QualityArea.Attitude => Attitude,
        QualityArea.Handling => Handling,
        QualityArea.Reachability => Reachability,
        _ => Closing,
    };

    public void Set(IReadOnlyDictionary<QualityArea, int> scores, double total)
    {
        Greeting = scores[QualityArea.Greeting];
        Attitude = scores[QualityArea.Attitude];
        Handling = scores[QualityArea.Handling];
        Reachability = scores[QualityArea.Reachability];
        Closing = scores[QualityArea.Closing];
        Total = total;
    }
}

/// <summary>One checklist item's outcome, with the turn and the evidence text (masked, as stored).</summary>
public sealed class QualityFindingRecord
{
    public long Id { get; init; }
    public Guid ScoreId { get; init; }
    public required string Area { get; init; }
    public required string Item { get; init; }
    public bool Passed { get; set; }

    /// <summary>A supervisor upheld the counsellor's dispute: the item counts as passed.</summary>
    public bool Overturned { get; set; }

    public int? TurnIndex { get; init; }
    public int? MessageSeq { get; init; }
    public string? Evidence { get; init; }

    public const int MaxEvidenceLength = 300;
}

internal sealed class QualityScoreConfiguration : IEntityTypeConfiguration<QualityScore>
{
    public void Configure(EntityTypeBuilder<QualityScore> entity)
    {
        entity.ToTable("QualityScores");
        entity.HasIndex(s => s.ConversationId).IsUnique();
        entity.HasIndex(s => new { s.CounsellorId, s.ClosedAt });
        entity.HasIndex(s => new { s.ClosedAt, s.Total });
        entity.Property(s => s.ReceiptNumber).HasMaxLength(32);
        entity.Property(s => s.CounsellorId).HasMaxLength(64);
        entity.Property(s => s.CounsellorName).HasMaxLength(100);
        entity.Property(s => s.Team).HasMaxLength(40);
        entity.Property(s => s.Channel).HasMaxLength(20);
    }
}

internal sealed class QualityFindingConfiguration : IEntityTypeConfiguration<QualityFindingRecord>
{
    public void Configure(EntityTypeBuilder<QualityFindingRecord> entity)
    {
        entity.ToTable("QualityFindings");
        entity.HasIndex(f => f.ScoreId);
        entity.Property(f => f.Area).HasMaxLength(16);
        entity.Property(f => f.Item).HasMaxLength(60);
        entity.Property(f => f.Evidence).HasMaxLength(QualityFindingRecord.MaxEvidenceLength);
    }
}
