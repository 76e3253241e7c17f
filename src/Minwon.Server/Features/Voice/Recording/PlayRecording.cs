using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Voice;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;

namespace Minwon.Server.Features.Voice.Recording;

public sealed record RecordingDto(Guid Id, Guid CallId, Guid? ConversationId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, long DurationMs,
    string AudioUrl);

/// <summary>
/// Plays a recording as a WAV to whoever may see its conversation (the counsellor who handled it, supervisors) after
/// writing the personal-data access log; downloading (as an attachment) is for supervisors and administrators only.
/// </summary>
public sealed class PlayRecording(MinwonDbContext db, AccessLog log, IDataProtectionProvider protection, CallManager calls, ILogger<PlayRecording> logger)
{
    public async Task<List<RecordingDto>> ListAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !await MayHearAsync(user, conversation, ct))
        {
            return [];
        }

        return (await db.Set<CallRecording>().AsNoTracking().Where(r => r.ConversationId == conversationId && r.DeletedAt == null)
                .OrderBy(r => r.StartedAt).ToListAsync(ct))
            .Select(r => new RecordingDto(r.Id, r.CallId, r.ConversationId, r.StartedAt, r.EndedAt, r.DurationMs, $"/api/voice/recordings/{r.Id}"))
            .ToList();
    }

    /// <summary>The WAV (header and decrypted PCM), or null when the user may not hear it or it is gone.</summary>
    public async Task<Stream?> OpenAsync(Guid recordingId, ClaimsPrincipal user, bool download, string? address, CancellationToken ct)
    {
        var recording = await db.Set<CallRecording>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordingId && r.DeletedAt == null, ct);
        if (recording is null)
        {
            return null;
        }

        var conversation = recording.ConversationId is { } id ? await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var allowed = conversation is null ? user.SeesWholeCenter() : await MayHearAsync(user, conversation, ct);
        if (!allowed || download && !user.SeesWholeCenter())
        {
            return null;
        }

        var path = Path.Combine(calls.RecordingsDirectory, recording.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var role = StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
        await log.AppendAsync(new AccessRecord(user.Id(), role, address, $"recording:{recording.Id}", download ? "download" : "play"), ct);
        var key = protection.CreateProtector(CallManager.RecordingKeyPurpose).Unprotect(Convert.FromBase64String(recording.ProtectedKey));
        return await OpenWavAsync(path, key, recording.Id, logger, ct);
    }

    /// <summary>
    /// The recording as a WAV decrypted chunk by chunk as it is read (<see cref="RecordingStream"/>): constant memory
    /// whatever its length, and seekable, so a player's range requests start at the right chunk.
    /// </summary>
    public static Task<RecordingStream> OpenWavAsync(string path, byte[] key, Guid recordingId, ILogger logger, CancellationToken ct) =>
        RecordingStream.OpenAsync(path, key, recordingId, (length, format) => Wav.Header(format.Rate, format.Channels, length), logger, ct);

    private async Task<bool> MayHearAsync(ClaimsPrincipal user, Conversation conversation, CancellationToken ct) =>
        user.SeesWholeCenter() || conversation.AssignedToId == user.Id() || await db.ServesContactAsync(user, conversation.ContactId, ct);
}
