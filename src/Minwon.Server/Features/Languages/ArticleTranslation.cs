using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Languages;

/// <summary>
/// A knowledge article in another language: what the bot answers a citizen writing that language with. The Korean
/// article stays the original; a machine-made translation is marked so both the citizen and the counsellor see it.
/// </summary>
public sealed class ArticleTranslation
{
    public int Id { get; init; }
    public required string ArticleId { get; init; }
    public required string Language { get; init; }
    public required string Title { get; set; }
    public string ShortAnswer { get; set; } = "";

    /// <summary>Words and phrasings a citizen of that language would write, comma-separated; matched with the title.</summary>
    public string Keywords { get; set; } = "";

    public bool MachineTranslated { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ArticleTranslationConfiguration : IEntityTypeConfiguration<ArticleTranslation>
{
    public void Configure(EntityTypeBuilder<ArticleTranslation> entity)
    {
        entity.ToTable("KnowledgeArticleTranslations");
        entity.Property(t => t.ArticleId).HasMaxLength(Knowledge.ArticleInput.MaxIdLength);
        entity.Property(t => t.Language).HasMaxLength(10);
        entity.Property(t => t.Title).HasMaxLength(Knowledge.ArticleInput.MaxTitleLength);
        entity.Property(t => t.ShortAnswer).HasMaxLength(Knowledge.ArticleInput.MaxShortAnswerLength);
        entity.Property(t => t.Keywords).HasMaxLength(2000);
        entity.HasIndex(t => new { t.ArticleId, t.Language }).IsUnique();
        entity.HasIndex(t => t.Language);
        entity.HasOne<Knowledge.Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
