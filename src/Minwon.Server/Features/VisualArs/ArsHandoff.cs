using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.VisualArs;

/// <summary>What a citizen did in the visual ARS before reaching a counsellor, so they never repeat it.</summary>
public sealed class ArsHandoff
{
    public Guid ConversationId { get; init; }

    /// <summary>Labels of the menu path taken, as a JSON array, oldest first.</summary>
    public required string PathJson { get; init; }

    /// <summary>The form the citizen was on or had filed: {"formId","title","fields":[{"label","value"}]}; null without one.</summary>
    public string? FormJson { get; init; }

    public string? ReceiptNumber { get; init; }
    public string? CallId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ArsHandoffConfiguration : IEntityTypeConfiguration<ArsHandoff>
{
    public void Configure(EntityTypeBuilder<ArsHandoff> entity)
    {
        entity.ToTable("ArsHandoffs");
        entity.HasKey(h => h.ConversationId);
        entity.Property(h => h.ReceiptNumber).HasMaxLength(32);
        entity.Property(h => h.CallId).HasMaxLength(64);
    }
}
