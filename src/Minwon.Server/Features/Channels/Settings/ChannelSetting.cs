using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.ChannelAdapters.Settings;

/// <summary>
/// One channel setting an administrator changed on the settings screen, over the configuration's value
/// (<c>Minwon:Channels:{Key}</c>). Secrets are kept encrypted with Data Protection (the key ring is in the database, so
/// every node can read them) and are never sent back to a browser.
/// </summary>
public sealed class ChannelSetting
{
    /// <summary>The key under Minwon:Channels, e.g. "Sms:OutboundUrl".</summary>
    public required string Key { get; init; }

    /// <summary>The value, or for a secret its Data Protection ciphertext.</summary>
    public required string Value { get; set; }

    public bool Secret { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ChannelSettingConfiguration : IEntityTypeConfiguration<ChannelSetting>
{
    public void Configure(EntityTypeBuilder<ChannelSetting> entity)
    {
        entity.ToTable("ChannelSettings");
        entity.HasKey(s => s.Key);
        entity.Property(s => s.Key).HasMaxLength(100);
        entity.Property(s => s.Value).HasMaxLength(4000);
        entity.Property(s => s.UpdatedBy).HasMaxLength(64);
    }
}
