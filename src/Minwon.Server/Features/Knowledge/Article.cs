using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// A knowledge-base article (상담 지식): what counsellors and the bot answer from. The id is the external key
/// used by import files, so re-importing the same id edits the article. Every edit adds an <see cref="ArticleVersion"/>.
/// Body is stored exactly as written, HTML included; it is always shown escaped, never rendered.
/// </summary>
public sealed class Article
{
    public required string Id { get; init; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string Category { get; set; } = "";
    public List<string> Keywords { get; set; } = [];
    public List<string> Questions { get; set; } = [];

    /// <summary>The bot's short answer; empty means the first sentence(s) of the body.</summary>
    public string ShortAnswer { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public bool Retired { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsCurrent(DateTimeOffset now) =>
        !Retired && (ValidFrom is null || ValidFrom <= now) && (ValidUntil is null || ValidUntil >= now);
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> entity)
    {
        entity.ToTable("KnowledgeArticles");
        entity.Property(a => a.Id).HasMaxLength(ArticleInput.MaxIdLength);
        entity.Property(a => a.Title).HasMaxLength(ArticleInput.MaxTitleLength);
        entity.Property(a => a.Category).HasMaxLength(ArticleInput.MaxCategoryLength);
        entity.Property(a => a.ShortAnswer).HasMaxLength(ArticleInput.MaxShortAnswerLength);
        entity.Property(a => a.Department).HasMaxLength(ArticleInput.MaxCategoryLength);
        entity.Property(a => a.Version).IsConcurrencyToken();
    }
}
