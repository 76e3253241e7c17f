using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.VisualArs;

/// <summary>A self-service form a citizen filed, with the case it created and what the citizen needs to look it up.</summary>
public sealed class ArsSubmission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public required string ReceiptNumber { get; init; }
    public required string FormId { get; init; }
    public required string NodeId { get; init; }

    /// <summary>The answers as JSON ({"field": "value"}); photos are upload ids.</summary>
    public required string DataJson { get; init; }

    /// <summary>Last four digits of the phone given on the form; lookup needs these and the receipt number.</summary>
    public required string PhoneLast4 { get; init; }

    /// <summary>Unguessable token in the confirmation link, an alternative to receipt number + digits.</summary>
    public required string LookupToken { get; init; }
    public string? SessionId { get; init; }
    public string? CallId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ArsSubmissionConfiguration : IEntityTypeConfiguration<ArsSubmission>
{
    public void Configure(EntityTypeBuilder<ArsSubmission> entity)
    {
        entity.ToTable("ArsSubmissions");
        entity.Property(s => s.ReceiptNumber).HasMaxLength(32);
        entity.Property(s => s.FormId).HasMaxLength(64);
        entity.Property(s => s.NodeId).HasMaxLength(64);
        entity.Property(s => s.PhoneLast4).HasMaxLength(4);
        entity.Property(s => s.LookupToken).HasMaxLength(64);
        entity.Property(s => s.SessionId).HasMaxLength(40);
        entity.Property(s => s.CallId).HasMaxLength(64);
        entity.HasIndex(s => s.ReceiptNumber).IsUnique();
        entity.HasIndex(s => s.LookupToken).IsUnique();
        entity.HasIndex(s => s.CaseId);
        entity.HasIndex(s => new { s.SessionId, s.CreatedAt });
    }
}
