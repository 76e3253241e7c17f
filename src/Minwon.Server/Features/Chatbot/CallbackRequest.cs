using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Chatbot;

/// <summary>A citizen's request to be called back; the phone number is personal data and is only shown to staff.</summary>
public sealed class CallbackRequest
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public required string Phone { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class CallbackRequestConfiguration : IEntityTypeConfiguration<CallbackRequest>
{
    public void Configure(EntityTypeBuilder<CallbackRequest> entity)
    {
        entity.ToTable("CallbackRequests");
        entity.Property(c => c.Phone).HasMaxLength(30);
        entity.HasIndex(c => c.CaseId);
        entity.HasIndex(c => c.CompletedAt);
    }
}
