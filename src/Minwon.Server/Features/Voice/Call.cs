using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// A phone or web call: the signalling record of a conversation on the phone or webcall channel. The caller's number
/// is personal data: staff see it on the call, logs never carry it.
/// </summary>
public sealed class Call
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The conversation (null for an echo line check, which is not a consultation).</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>audiosocket, mediastream or webcall.</summary>
    public required string Transport { get; init; }

    /// <summary>The AudioSocket UUID or the carrier's callSid; unique per transport.</summary>
    public required string ExternalId { get; init; }

    public string? CallerNumber { get; set; }
    public string? DialledNumber { get; set; }
    public CallState State { get; set; }
    public string? NodeName { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConnectedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>caller-hangup, agent-hangup, callback-booked, node-restart, shutdown, transport-error, ...</summary>
    public string? HangupCause { get; set; }

    public string? AgentId { get; set; }

    /// <summary>The colleague being consulted in a warm transfer.</summary>
    public string? ConsultAgentId { get; set; }

    public bool AgentMuted { get; set; }

    /// <summary>The supervisor monitoring the call and how (listen, whisper, barge).</summary>
    public string? MonitorId { get; set; }

    public string? MonitorMode { get; set; }

    /// <summary>The visual ARS menu labels a web caller went through before pressing "전화로 상담" (JSON array, oldest first).</summary>
    public string? HandoffPath { get; set; }

    /// <summary>Optimistic concurrency, as on conversations.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> entity)
    {
        entity.ToTable("Calls");
        entity.Property(c => c.Transport).HasMaxLength(20);
        entity.Property(c => c.ExternalId).HasMaxLength(64);
        entity.HasIndex(c => new { c.Transport, c.ExternalId }).IsUnique();
        entity.Property(c => c.CallerNumber).HasMaxLength(32);
        entity.Property(c => c.DialledNumber).HasMaxLength(32);
        entity.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        entity.Property(c => c.NodeName).HasMaxLength(100);
        entity.Property(c => c.HangupCause).HasMaxLength(40);
        entity.Property(c => c.AgentId).HasMaxLength(64);
        entity.Property(c => c.ConsultAgentId).HasMaxLength(64);
        entity.Property(c => c.MonitorId).HasMaxLength(64);
        entity.Property(c => c.MonitorMode).HasMaxLength(10);
        entity.Property(c => c.HandoffPath).HasMaxLength(2000);
        entity.Property(c => c.Version).IsConcurrencyToken();
        entity.HasIndex(c => c.ConversationId);
        entity.HasIndex(c => new { c.State, c.NodeName });
        entity.HasIndex(c => c.CreatedAt);
    }
}
