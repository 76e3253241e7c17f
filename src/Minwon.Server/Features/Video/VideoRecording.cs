using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Video;

/// <param name="Consent">"none", "requested", "given" or "refused" (the last of the conversation's consent events).</param>
/// <param name="Chunks">Chunks stored so far in the latest part.</param>
/// <param name="Parts">Parts recorded (each MediaRecorder start is one).</param>
public sealed record VideoRecordingState(string Consent, long Chunks, int Parts);

public sealed record VideoRecordingConsentRequest(bool Agree);

public sealed record VideoRecordingChunkStored(long Seq, bool Stored, long Chunks, long Bytes);

/// <summary>The part a MediaRecorder start uploads into, from chunk 0.</summary>
public sealed record VideoRecordingPartStarted(int Part);

/// <param name="DurationMs">From the part's start to its last chunk (the recorder sends one every 5 s).</param>
/// <param name="Url">The part's WebM (GET, access-logged).</param>
public sealed record VideoRecordingPartDto(int Part, DateTimeOffset StartedAt, long DurationMs, long Chunks, long Bytes, string Url);

/// <summary>
/// Consented recording of a video call (Minwon:Video:Recording). The counsellor asks, the citizen agrees or declines
/// on the video page; each step is an event message of the conversation (shown on both sides and in the event log).
/// The counsellor's browser records with MediaRecorder and uploads WebM chunks with sequence numbers; they are sealed
/// one by one in the call recordings' encrypted format (<see cref="RecordingFile"/>, AES-256-GCM, sequence number as
/// chunk index) next to the call recordings, and played back, access-logged, to supervisors and the counsellor.
/// </summary>
public sealed class VideoRecordings(MinwonDbContext db, ConversationJournal journal, Platform.Events.LiveBus bus, AccessLog log,
    VideoRecordingStore store, IOptions<VideoOptions> options, TimeProvider clock)
{
    public const string RequestedText = "상담사가 영상 녹화 동의를 요청했습니다.";
    public const string GivenText = "시민이 영상 녹화에 동의했습니다. 녹화 중입니다.";
    public const string RefusedText = "시민이 영상 녹화를 거부했습니다.";
    public const long MaxSeq = 100_000;

    public async Task<VideoRecordingState> RequestConsentAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await HeldAsync(conversationId, user, ct);
        if (await ConsentAsync(conversation.Id, ct) == "given")
        {
            throw ProblemException.Conflict("시민이 이미 녹화에 동의했습니다.");
        }

        var asked = await journal.AppendEventAsync(conversation.Id, RequestedText, ct);
        await bus.PublishAsync(new Platform.Events.MessageAdded(conversation.Id, asked.ToDto(), conversation.AssignedToId));
        return await StateAsync(conversation.Id, "requested", ct);
    }

    public async Task<VideoRecordingState> StaffStateAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await HeldAsync(conversationId, user, ct, allowEnded: true);
        return await StateAsync(conversation.Id, await ConsentAsync(conversation.Id, ct), ct);
    }

    public async Task<VideoRecordingState> CitizenStateAsync(string token, CancellationToken ct)
    {
        var conversation = await CitizensAsync(token, ct);
        return await StateAsync(conversation.Id, await ConsentAsync(conversation.Id, ct), ct);
    }

    /// <summary>The citizen's answer; only to a pending request, once.</summary>
    public async Task<VideoRecordingState> AnswerAsync(string token, VideoRecordingConsentRequest? answer, CancellationToken ct)
    {
        if (answer is null)
        {
            throw ProblemException.Invalid("agree(동의 여부)가 필요합니다.");
        }

        var conversation = await CitizensAsync(token, ct);
        if (conversation.Status != ConversationStatus.Assigned)
        {
            throw ProblemException.Conflict("상담 중이 아닙니다.");
        }

        if (await ConsentAsync(conversation.Id, ct) != "requested")
        {
            throw ProblemException.Conflict("녹화 동의 요청이 없습니다.");
        }

        var answered = await journal.AppendEventAsync(conversation.Id, answer.Agree ? GivenText : RefusedText, ct);
        await bus.PublishAsync(new Platform.Events.MessageAdded(conversation.Id, answered.ToDto(), conversation.AssignedToId));
        return await StateAsync(conversation.Id, answer.Agree ? "given" : "refused", ct);
    }

    /// <summary>
    /// A MediaRecorder starts (consent given, or the desk reloaded mid-call): its WebM stream goes into a part of its
    /// own, so parts never hold two streams. An empty latest part is reused (a start whose first chunk never came).
    /// </summary>
    public async Task<VideoRecordingPartStarted> StartPartAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await HeldAsync(conversationId, user, ct);
        await RequireConsentAsync(conversation.Id, ct);
        var latest = await db.Set<VideoRecordingPart>().Where(p => p.ConversationId == conversation.Id).OrderByDescending(p => p.Part).FirstOrDefaultAsync(ct);
        // Empty by its file, not only by its row: a row behind its file (a node killed between the append and the row's
        // update) must not hand the part to a new recorder, whose WebM stream would go on after the old stream's chunks.
        if (latest is { Chunks: 0, DeletedAt: null } && store.ChunksInFile(latest.FileName) == 0)
        {
            return new VideoRecordingPartStarted(latest.Part);
        }

        var part = latest is null ? 0 : latest.Part + 1;
        db.Add(new VideoRecordingPart
        {
            ConversationId = conversation.Id, Part = part, FileName = VideoRecordingPart.FileNameOf(conversation.Id, part), StartedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two starts at once (two desk tabs): the unique (conversation, part) index lets one win.
            throw ProblemException.Conflict("녹화가 다른 곳에서 막 시작되었습니다. 다시 시도해 주세요.");
        }

        return new VideoRecordingPartStarted(part);
    }

    /// <summary>
    /// Stores chunk <paramref name="seq"/> of <paramref name="part"/> once; a repeated chunk is answered as stored
    /// without writing it again. Only the latest part takes chunks: a recorder whose part was followed by a newer one
    /// (a second tab) gets 409.
    /// </summary>
    public async Task<VideoRecordingChunkStored> AppendAsync(Guid conversationId, ClaimsPrincipal user, int part, long seq, string? contentType,
        Stream body, long? contentLength, CancellationToken ct)
    {
        if (seq is < 0 or > MaxSeq)
        {
            throw ProblemException.Invalid($"seq는 0에서 {MaxSeq} 사이여야 합니다.");
        }

        var conversation = await HeldAsync(conversationId, user, ct, graceAfterEnd: true);
        await RequireConsentAsync(conversation.Id, ct);
        if (contentType is null || !contentType.StartsWith("video/webm", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "요청이 올바르지 않습니다.", "녹화 조각은 video/webm이어야 합니다.");
        }

        if (contentLength is > RecordingFile.MaxChunk)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "요청이 올바르지 않습니다.",
                $"녹화 조각은 {RecordingFile.MaxChunk:N0}바이트 이하여야 합니다.");
        }

        var latest = await db.Set<VideoRecordingPart>().AsNoTracking().Where(p => p.ConversationId == conversation.Id)
            .OrderByDescending(p => p.Part).FirstOrDefaultAsync(ct);
        if (latest is null || part > latest.Part || latest.DeletedAt is not null)
        {
            throw ProblemException.Conflict("녹화 부분이 시작되지 않았습니다 (POST …/recording/parts).");
        }

        if (part < latest.Part)
        {
            throw ProblemException.Conflict($"녹화가 새 부분({latest.Part})으로 넘어갔습니다.");
        }

        var bytes = await ReadAsync(body, ct);
        var stored = await store.AppendAsync(conversation.Id, part, seq, bytes, ct);
        // The row follows the file, also on a repeat: an append that reached the file but not the row (a node killed in
        // between, a failed update) is counted when the recorder sends that chunk again, or the part would stay "empty"
        // (not listed, and reused by the next recorder start on top of its chunks). Only forward: two appends' updates
        // arriving out of order do not take the count back.
        var now = clock.GetUtcNow();
        await db.Set<VideoRecordingPart>().Where(p => p.Id == latest.Id && p.Chunks < stored.Chunks)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Chunks, stored.Chunks).SetProperty(p => p.Bytes, stored.Bytes).SetProperty(p => p.LastChunkAt, now), ct);

        if (conversation.Status != ConversationStatus.Assigned)
        {
            // The last chunk after the end: nothing more is coming for this call.
            await store.EvictAsync(conversation.Id, ct);
        }

        return stored;
    }

    /// <summary>The parts of a video call's recording, in order, for whoever may play it; empty for anyone else.</summary>
    public async Task<List<VideoRecordingPartDto>> PartsAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not { Channel: Channels.Video } || !MayPlay(user, conversation))
        {
            return [];
        }

        return (await db.Set<VideoRecordingPart>().AsNoTracking()
                .Where(p => p.ConversationId == conversationId && p.DeletedAt == null && p.Chunks > 0).OrderBy(p => p.Part).ToListAsync(ct))
            .Select(ToDto).ToList();
    }

    public static VideoRecordingPartDto ToDto(VideoRecordingPart p) => new(p.Part, p.StartedAt,
        p.LastChunkAt is { } last ? (long)(last - p.StartedAt).TotalMilliseconds : 0, p.Chunks, p.Bytes,
        $"/api/video/conversations/{p.ConversationId}/recording/parts/{p.Part}");

    /// <summary>A part's decrypted WebM after writing the access log, or null when the user may not see it or it is not there.</summary>
    public async Task<Stream?> OpenAsync(Guid conversationId, int part, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not { Channel: Channels.Video } || !MayPlay(user, conversation))
        {
            return null;
        }

        var row = await db.Set<VideoRecordingPart>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.ConversationId == conversationId && p.Part == part && p.DeletedAt == null && p.Chunks > 0, ct);
        if (row is null || !store.Exists(row.FileName))
        {
            return null;
        }

        var role = StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
        await log.AppendAsync(new AccessRecord(user.Id(), role, address, $"video-recording:{conversation.Id}", "play", $"part {part}"), ct);
        return await store.OpenAsync(conversation.Id, row.FileName, ct);
    }

    private static bool MayPlay(ClaimsPrincipal user, Conversation conversation) => user.SeesWholeCenter() || conversation.AssignedToId == user.Id();

    private async Task RequireConsentAsync(Guid conversationId, CancellationToken ct)
    {
        if (await ConsentAsync(conversationId, ct) != "given")
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "녹화 동의가 없습니다.", "시민이 동의한 뒤에만 녹화할 수 있습니다.");
        }
    }

    private async Task<VideoRecordingState> StateAsync(Guid conversationId, string consent, CancellationToken ct)
    {
        var latest = await db.Set<VideoRecordingPart>().AsNoTracking().Where(p => p.ConversationId == conversationId)
            .OrderByDescending(p => p.Part).Select(p => new { p.Part, p.Chunks }).FirstOrDefaultAsync(ct);
        return new VideoRecordingState(consent, latest?.Chunks ?? 0, latest is null ? 0 : latest.Part + 1);
    }

    private static async Task<byte[]> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var block = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(block, ct)) > 0)
        {
            buffer.Write(block, 0, read);
            if (buffer.Length > RecordingFile.MaxChunk)
            {
                throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "요청이 올바르지 않습니다.",
                    $"녹화 조각은 {RecordingFile.MaxChunk:N0}바이트 이하여야 합니다.");
            }
        }

        if (buffer.Length == 0)
        {
            throw ProblemException.Invalid("녹화 조각이 비어 있습니다.");
        }

        return buffer.ToArray();
    }

    /// <param name="graceAfterEnd">
    /// Also within <see cref="VideoOptions.RecordingGraceSeconds"/> after the call ended (the recorder's last slice), by the
    /// counsellor who held it; never later.
    /// </param>
    private async Task<Conversation> HeldAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct, bool allowEnded = false,
        bool graceAfterEnd = false)
    {
        var me = user.Id();
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (!options.Value.Recording || conversation is not { Channel: Channels.Video } || conversation.AssignedToId != me)
        {
            throw ProblemException.NotFound();
        }

        if (!allowEnded && conversation.Status != ConversationStatus.Assigned
            && !(graceAfterEnd && conversation.EndedAt is { } ended && clock.GetUtcNow() - ended <= TimeSpan.FromSeconds(options.Value.RecordingGraceSeconds)))
        {
            throw ProblemException.Conflict("끝난 영상 상담은 녹화할 수 없습니다.");
        }

        return conversation;
    }

    private async Task<Conversation> CitizensAsync(string token, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Token == token, ct);
        if (!options.Value.Recording || conversation is not { Channel: Channels.Video })
        {
            throw ProblemException.NotFound();
        }

        return conversation;
    }

    private async Task<string> ConsentAsync(Guid conversationId, CancellationToken ct)
    {
        var last = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Kind == MessageKind.Event && m.Sender == MessageSender.System
                && (m.Body == RequestedText || m.Body == GivenText || m.Body == RefusedText))
            .OrderByDescending(m => m.Seq).Select(m => m.Body).FirstOrDefaultAsync(ct);
        return last switch
        {
            RequestedText => "requested",
            GivenText => "given",
            RefusedText => "refused",
            _ => "none",
        };
    }
}
