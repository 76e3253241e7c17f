using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Assistant;

/// <summary>
/// A citizen question the knowledge base had no good answer for (bot or assistant), for the knowledge-quality
/// report. The text is stored masked: no personal data in what editors read.
/// </summary>
public sealed class UnansweredQuestion
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public required string MaskedText { get; init; }
    public float BestScore { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class UnansweredQuestionConfiguration : IEntityTypeConfiguration<UnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<UnansweredQuestion> entity)
    {
        entity.ToTable("UnansweredQuestions");
        entity.Property(q => q.MaskedText).HasMaxLength(500);
        entity.HasIndex(q => q.CreatedAt);
    }
}
