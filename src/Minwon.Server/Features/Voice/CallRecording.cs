using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// A call's recording: stereo PCM16 (left the caller, right the counsellor side), encrypted at rest in chunks
/// (<see cref="RecordingFile"/>) under a key kept only protected by Data Protection.
/// </summary>
public sealed class CallRecording
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public Guid? ConversationId { get; init; }

    /// <summary>File name under the data directory's recordings folder.</summary>
    public required string FileName { get; init; }

    public required string ProtectedKey { get; init; }
    public int SampleRate { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Audio length in milliseconds, known once the recording is finished (or recovered after a crash).</summary>
    public long DurationMs { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class CallRecordingConfiguration : IEntityTypeConfiguration<CallRecording>
{
    public void Configure(EntityTypeBuilder<CallRecording> entity)
    {
        entity.ToTable("CallRecordings");
        entity.Property(r => r.FileName).HasMaxLength(100);
        entity.Property(r => r.ProtectedKey).HasMaxLength(1000);
        entity.HasIndex(r => r.CallId);
        entity.HasIndex(r => r.ConversationId);
        entity.HasIndex(r => r.StartedAt);
    }
}
