using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Knowledge.Embeddings;

/// <summary>
/// The stored vector of one article, for the model that computed it and the article version it was computed from: a
/// row whose model or version differs from the current ones is stale and is computed again. One row per article.
/// </summary>
public sealed class ArticleEmbedding
{
    public required string ArticleId { get; init; }
    public int Version { get; set; }
    public required string Model { get; set; }
    public int Dimensions { get; set; }

    /// <summary>Unit-length float32 vector, little-endian.</summary>
    public required byte[] Vector { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

internal sealed class ArticleEmbeddingConfiguration : IEntityTypeConfiguration<ArticleEmbedding>
{
    public void Configure(EntityTypeBuilder<ArticleEmbedding> entity)
    {
        entity.ToTable("KnowledgeArticleEmbeddings");
        entity.HasKey(e => e.ArticleId);
        entity.Property(e => e.ArticleId).HasMaxLength(ArticleInput.MaxIdLength);
        entity.Property(e => e.Model).HasMaxLength(200);
    }
}
