using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Core.Routing;

namespace Minwon.Server.Features.Routing;

/// <summary>A counsellor's routing state: skills, capacity and presence. One row per staff user who takes contacts.</summary>
public sealed class AgentProfile
{
    public required string UserId { get; init; }
    public required string DisplayName { get; set; }

    /// <summary>"skill=proficiency" pairs, comma-separated, e.g. "lang:ko=10,channel:chat=8,cat:교통=5".</summary>
    public string Skills { get; set; } = "";

    public int MaxConcurrent { get; set; } = 3;
    public Presence Presence { get; set; } = Presence.Offline;
    public string? PresenceReason { get; set; }
    public DateTimeOffset PresenceSince { get; set; }

    /// <summary>When the counsellor last had nothing to do; the router prefers whoever waited longest.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Protected rest after an abusive contact: no offers before this time.</summary>
    public DateTimeOffset? RestUntil { get; set; }

    /// <summary>Since when the counsellor has had no live connection; null while connected (<see cref="FollowConnections"/>).</summary>
    public DateTimeOffset? ConnectionLostAt { get; set; }

    /// <summary>The state chosen before the server set <see cref="Presence.Away"/>; restored when a connection returns.</summary>
    public Presence? AwayFrom { get; set; }

    /// <summary>Optimistic concurrency: an offer bumps it, so two nodes cannot fill one counsellor past capacity.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyDictionary<string, int> SkillMap() =>
        Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => parts[0].Trim(), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Last() is [_, var level] && int.TryParse(level, out var value) ? value : 5,
                StringComparer.Ordinal);
}

internal sealed class AgentProfileConfiguration : IEntityTypeConfiguration<AgentProfile>
{
    public void Configure(EntityTypeBuilder<AgentProfile> entity)
    {
        entity.ToTable("Agents");
        entity.HasKey(a => a.UserId);
        entity.Property(a => a.UserId).HasMaxLength(64);
        entity.Property(a => a.DisplayName).HasMaxLength(100);
        entity.Property(a => a.Skills).HasMaxLength(2000);
        entity.Property(a => a.Presence).HasConversion<string>().HasMaxLength(20);
        entity.Property(a => a.PresenceReason).HasMaxLength(100);
        entity.Property(a => a.AwayFrom).HasConversion<string>().HasMaxLength(20);
        entity.Property(a => a.Version).IsConcurrencyToken();
        entity.HasIndex(a => a.Presence);
    }
}
