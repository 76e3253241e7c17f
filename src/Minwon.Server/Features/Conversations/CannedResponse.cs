using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Conversations;

/// <summary>A reusable reply (상용구). Variables: {상담사}, {시민}, {접수번호}.</summary>
public sealed class CannedResponse
{
    public int Id { get; init; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Shortcut { get; set; }

    public string Render(string counsellorName, string? citizenName = null, string? receiptNumber = null) =>
        Body.Replace("{상담사}", counsellorName, StringComparison.Ordinal)
            .Replace("{시민}", citizenName ?? "고객", StringComparison.Ordinal)
            .Replace("{접수번호}", receiptNumber ?? "", StringComparison.Ordinal);
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> entity)
    {
        entity.ToTable("CannedResponses");
        entity.Property(c => c.Title).HasMaxLength(100);
        entity.Property(c => c.Body).HasMaxLength(2000);
        entity.Property(c => c.Shortcut).HasMaxLength(30);
    }
}
