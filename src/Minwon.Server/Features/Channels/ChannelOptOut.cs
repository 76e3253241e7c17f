using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>A citizen's address that asked for no more messages on a channel (수신거부); nothing is sent to it.</summary>
public sealed class ChannelOptOut
{
    public required string Channel { get; init; }

    /// <summary>The address in its key form (digits of a phone number, a lower-case e-mail address).</summary>
    public required string Address { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ChannelOptOutConfiguration : IEntityTypeConfiguration<ChannelOptOut>
{
    public void Configure(EntityTypeBuilder<ChannelOptOut> entity)
    {
        entity.ToTable("ChannelOptOuts");
        entity.HasKey(o => new { o.Channel, o.Address });
        entity.Property(o => o.Channel).HasMaxLength(20);
        entity.Property(o => o.Address).HasMaxLength(320);
    }
}
