using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// When and by which engine a transcript line was spoken. The text itself is the conversation's message of kind
/// <c>Speech</c> (masked like chat, original encrypted, abuse-checked, searched and read by the assistant and quality
/// scoring like any message); this row adds the timing (milliseconds from the start of the call's recording, so a
/// line can be played back) and the source.
/// </summary>
public sealed class TranscriptSegment
{
    public long Id { get; init; }
    public Guid ConversationId { get; init; }
    public Guid? CallId { get; init; }

    /// <summary>The message holding the masked text (<c>Messages.Seq</c> in this conversation).</summary>
    public int MessageSeq { get; init; }

    /// <summary>"citizen" or "counsellor".</summary>
    public required string Speaker { get; init; }

    /// <summary>From the start of the recording; -1 when an outside system did not say.</summary>
    public long StartMs { get; init; }

    public long EndMs { get; init; }

    /// <summary>"whisper", "openai" or "pushed".</summary>
    public required string Engine { get; init; }

    /// <summary>The outside system's id of a pushed segment (a retried push is stored once).</summary>
    public string? ExternalId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class TranscriptSegmentConfiguration : IEntityTypeConfiguration<TranscriptSegment>
{
    public void Configure(EntityTypeBuilder<TranscriptSegment> entity)
    {
        entity.ToTable("TranscriptSegments");
        entity.Property(s => s.Speaker).HasMaxLength(12);
        entity.Property(s => s.Engine).HasMaxLength(12);
        entity.Property(s => s.ExternalId).HasMaxLength(64);
        entity.HasIndex(s => new { s.ConversationId, s.MessageSeq }).IsUnique();
        entity.HasIndex(s => new { s.ConversationId, s.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        entity.HasIndex(s => s.CallId);
    }
}
