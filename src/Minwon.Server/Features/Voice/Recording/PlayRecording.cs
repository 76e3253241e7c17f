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
public sealed class PlayRecording(MinwonDbContext db, AccessLog log, IDataProtectionProvider protection, CallManager calls)
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
        return await DecryptAsync(path, key, recording.Id, ct);
    }

    /// <summary>Decrypts a whole recording to a WAV in memory (a recording of an hour at 8 kHz stereo is 115 MB: see docs/voice.md).</summary>
    public static async Task<MemoryStream> DecryptAsync(string path, byte[] key, Guid recordingId, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.Asynchronous);
        var header = new byte[RecordingFile.HeaderSize];
        await file.ReadExactlyAsync(header, ct);
        var (rate, channels) = RecordingFile.ReadFormat(header);
        file.Position = 0;
        var output = new MemoryStream();
        output.Write(new byte[Wav.HeaderSize]);
        await foreach (var chunk in RecordingFile.ReadAsync(file, key, recordingId, ct))
        {
            output.Write(chunk);
        }

        var wavHeader = Wav.Header(rate, channels, output.Length - Wav.HeaderSize);
        output.Position = 0;
        output.Write(wavHeader);
        output.Position = 0;
        return output;
    }

    private async Task<bool> MayHearAsync(ClaimsPrincipal user, Conversation conversation, CancellationToken ct) =>
        user.SeesWholeCenter() || conversation.AssignedToId == user.Id() || await db.ServesContactAsync(user, conversation.ContactId, ct);
}
