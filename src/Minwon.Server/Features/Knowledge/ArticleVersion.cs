using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Knowledge;

/// <summary>A snapshot of an article as it was after one edit; version 1 is the creation.</summary>
public sealed class ArticleVersion
{
    public long Id { get; init; }
    public required string ArticleId { get; init; }
    public int Version { get; init; }
    public required string Title { get; init; }
    public string Body { get; init; } = "";
    public string Category { get; init; } = "";
    public List<string> Keywords { get; init; } = [];
    public List<string> Questions { get; init; } = [];
    public string ShortAnswer { get; init; } = "";
    public string Department { get; init; } = "";
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public bool Retired { get; init; }

    /// <summary>create, update, import or retire.</summary>
    public string Change { get; init; } = "";
    public DateTimeOffset ChangedAt { get; init; }

    public static ArticleVersion Of(Article a, string change) => new()
    {
        ArticleId = a.Id,
        Version = a.Version,
        Title = a.Title,
        Body = a.Body,
        Category = a.Category,
        Keywords = [.. a.Keywords],
        Questions = [.. a.Questions],
        ShortAnswer = a.ShortAnswer,
        Department = a.Department,
        ValidFrom = a.ValidFrom,
        ValidUntil = a.ValidUntil,
        Retired = a.Retired,
        Change = change,
        ChangedAt = a.UpdatedAt,
    };
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> entity)
    {
        entity.ToTable("KnowledgeArticleVersions");
        entity.Property(v => v.ArticleId).HasMaxLength(ArticleInput.MaxIdLength);
        entity.Property(v => v.Title).HasMaxLength(ArticleInput.MaxTitleLength);
        entity.Property(v => v.Category).HasMaxLength(ArticleInput.MaxCategoryLength);
        entity.Property(v => v.ShortAnswer).HasMaxLength(ArticleInput.MaxShortAnswerLength);
        entity.Property(v => v.Department).HasMaxLength(ArticleInput.MaxCategoryLength);
        entity.Property(v => v.Change).HasMaxLength(20);
        entity.HasIndex(v => new { v.ArticleId, v.Version }).IsUnique();
    }
}
