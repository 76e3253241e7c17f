using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Protection;

/// <summary>
/// An abusive contact: opened when the first abusive message arrives, then warnings, the end, notes by the
/// counsellor and supervisor, and the supervisor's follow-up. Evidence is exported from here.
/// </summary>
public sealed class ProtectionIncident
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }
    public Guid ContactId { get; init; }
    public string? AgentId { get; set; }
    public string Label { get; set; } = "profanity";
    public int AbusiveMessages { get; set; }

    /// <summary>The sequence number of the last abusive message counted, so each message counts once.</summary>
    public int LastMessageSeq { get; set; }
    public int WarningsGiven { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public int RestMinutes { get; set; }
    public IncidentStatus Status { get; set; } = IncidentStatus.Open;
    public string CounsellorNote { get; set; } = "";
    public string SupervisorNote { get; set; } = "";
    public DateTimeOffset? FollowedUpAt { get; set; }
}

public enum IncidentStatus { Open, Ended, FollowedUp }

public sealed class ProtectionWarning
{
    public long Id { get; init; }
    public Guid IncidentId { get; init; }
    public int Number { get; init; }
    public required string AgentId { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class ProtectionIncidentConfiguration : IEntityTypeConfiguration<ProtectionIncident>
{
    public void Configure(EntityTypeBuilder<ProtectionIncident> entity)
    {
        entity.ToTable("ProtectionIncidents");
        entity.HasIndex(i => i.ConversationId).IsUnique();
        entity.HasIndex(i => new { i.AgentId, i.OpenedAt });
        entity.HasIndex(i => i.Status);
        entity.Property(i => i.AgentId).HasMaxLength(64);
        entity.Property(i => i.Label).HasMaxLength(12);
        entity.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        entity.Property(i => i.CounsellorNote).HasMaxLength(4000);
        entity.Property(i => i.SupervisorNote).HasMaxLength(4000);
    }
}

internal sealed class ProtectionWarningConfiguration : IEntityTypeConfiguration<ProtectionWarning>
{
    public void Configure(EntityTypeBuilder<ProtectionWarning> entity)
    {
        entity.ToTable("ProtectionWarnings");
        entity.HasIndex(w => new { w.IncidentId, w.Number }).IsUnique();
        entity.Property(w => w.AgentId).HasMaxLength(64);
    }
}
