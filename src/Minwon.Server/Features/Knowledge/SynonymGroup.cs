using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Knowledge;

/// <summary>Phrases an administrator declares equivalent for search (주차딱지 = 주정차 과태료), applied at query time.</summary>
public sealed class SynonymGroup
{
    public int Id { get; init; }
    public List<string> Phrases { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SynonymGroupConfiguration : IEntityTypeConfiguration<SynonymGroup>
{
    public void Configure(EntityTypeBuilder<SynonymGroup> entity) => entity.ToTable("KnowledgeSynonyms");
}
