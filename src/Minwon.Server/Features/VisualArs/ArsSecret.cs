using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.VisualArs;

/// <summary>A key the feature made for itself, stored encrypted by Data Protection so every node shares it.</summary>
public sealed class ArsSecret
{
    public required string Name { get; init; }
    public required string ProtectedValue { get; init; }
}

internal sealed class ArsSecretConfiguration : IEntityTypeConfiguration<ArsSecret>
{
    public void Configure(EntityTypeBuilder<ArsSecret> entity)
    {
        entity.ToTable("ArsSecrets");
        entity.HasKey(s => s.Name);
        entity.Property(s => s.Name).HasMaxLength(40);
    }
}
