using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// A notice for citizens and counsellors (e.g. "망원동 일대 단수: 18시 복구 예정"), shown on the desk, in the bot's
/// answers and at the top of the visual ARS while it is valid.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? IssueId { get; init; }
    public required string Text { get; set; }
    public string? District { get; set; }

    /// <summary>Terms that make the bot mention this notice when a citizen's question contains one.</summary>
    public string Terms { get; set; } = "";

    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public bool Withdrawn { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public const int MaxTextLength = 500;
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> entity)
    {
        entity.ToTable("Notices");
        entity.Property(n => n.Text).HasMaxLength(Notice.MaxTextLength);
        entity.Property(n => n.District).HasMaxLength(20);
        entity.Property(n => n.Terms).HasMaxLength(400);
        entity.Property(n => n.CreatedBy).HasMaxLength(64);
        entity.HasIndex(n => new { n.Withdrawn, n.ValidUntil });
    }
}
