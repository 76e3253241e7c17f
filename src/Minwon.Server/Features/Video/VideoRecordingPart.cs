using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minwon.Server.Features.Video;

/// <summary>
/// One part of a video call's recording: each start of the counsellor's MediaRecorder (consent given, a desk reload)
/// makes a new part, because each start writes a WebM stream of its own (a second stream appended to the first would
/// not play). Parts play one after the other. The file is <see cref="FileName"/> under the recordings folder, sealed
/// like call recordings with a data key of its own beside it (".key").
/// </summary>
public sealed class VideoRecordingPart
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }

    /// <summary>0, 1, 2, … in recording order.</summary>
    public int Part { get; init; }

    public required string FileName { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? LastChunkAt { get; set; }
    public long Chunks { get; set; }

    /// <summary>Bytes of WebM (plaintext) stored.</summary>
    public long Bytes { get; set; }

    /// <summary>Set when retention removed the file and its key; the row keeps the fact that there was one.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>"video-{conversation}.mwrec" for the first part (as recordings made before parts were named), "video-{conversation}-{part}.mwrec" after.</summary>
    public static string FileNameOf(Guid conversationId, int part) =>
        part == 0 ? $"video-{conversationId:N}.mwrec" : $"video-{conversationId:N}-{part}.mwrec";

    public static string KeyNameOf(string fileName) => Path.ChangeExtension(fileName, ".key");
}

internal sealed class VideoRecordingPartConfiguration : IEntityTypeConfiguration<VideoRecordingPart>
{
    public void Configure(EntityTypeBuilder<VideoRecordingPart> entity)
    {
        entity.ToTable("VideoRecordingParts");
        entity.Property(p => p.FileName).HasMaxLength(100);
        entity.HasIndex(p => new { p.ConversationId, p.Part }).IsUnique();
        entity.HasIndex(p => p.StartedAt);
    }
}
