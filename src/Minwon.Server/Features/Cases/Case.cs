using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Cases;

/// <summary>A complaint record (민원 기록): what the citizen wanted, where, and what the center did.</summary>
public sealed class Case
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Shown to the citizen (접수번호), e.g. 2026-1128-000123.</summary>
    public required string ReceiptNumber { get; init; }

    public Guid ContactId { get; init; }
    public Guid? ConversationId { get; init; }
    public int? CategoryId { get; set; }
    public string? DistrictCode { get; set; }
    public string Summary { get; set; } = "";
    public CaseDisposition Disposition { get; set; } = CaseDisposition.Answered;
    public string Channel { get; set; } = "chat";
    public string? CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }

    public const int MaxSummaryLength = 4000;
}

public enum CaseDisposition { Answered, ForwardedToDistrict, ForwardedToDepartment, CallbackNeeded, SelfService, Abandoned, AbuseEnded }

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> entity)
    {
        entity.ToTable("Cases");
        entity.Property(c => c.ReceiptNumber).HasMaxLength(32);
        entity.HasIndex(c => c.ReceiptNumber).IsUnique();
        entity.Property(c => c.DistrictCode).HasMaxLength(5);
        entity.Property(c => c.Summary).HasMaxLength(Case.MaxSummaryLength);
        entity.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(30);
        entity.Property(c => c.Channel).HasMaxLength(20);
        entity.Property(c => c.CreatedById).HasMaxLength(64);
        entity.HasIndex(c => new { c.ContactId, c.CreatedAt });
        entity.HasIndex(c => c.ConversationId);
        entity.HasIndex(c => c.CreatedAt);
    }
}
