using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Assistant;

/// <summary>A counsellor's verdict on a suggested article: used in a reply, or not useful.</summary>
public sealed class AssistantFeedback
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public required string ArticleId { get; init; }
    public required string AgentId { get; init; }
    public bool Useful { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class AssistantFeedbackConfiguration : IEntityTypeConfiguration<AssistantFeedback>
{
    public void Configure(EntityTypeBuilder<AssistantFeedback> entity)
    {
        entity.ToTable("AssistantFeedback");
        entity.Property(f => f.ArticleId).HasMaxLength(200);
        entity.Property(f => f.AgentId).HasMaxLength(64);
        entity.HasIndex(f => new { f.ArticleId, f.Useful });
        entity.HasIndex(f => f.CreatedAt);
    }
}
