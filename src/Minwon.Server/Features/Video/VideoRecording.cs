using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
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
/// <param name="Chunks">Chunks stored so far; the next upload's sequence number.</param>
public sealed record VideoRecordingState(string Consent, long Chunks);

public sealed record VideoRecordingConsentRequest(bool Agree);

public sealed record VideoRecordingChunkStored(long Seq, bool Stored, long Chunks);

/// <summary>
/// Consented recording of a video call (Minwon:Video:Recording). The counsellor asks, the citizen agrees or declines
/// on the video page; each step is an event message of the conversation (shown on both sides and in the event log).
/// The counsellor's browser records with MediaRecorder and uploads WebM chunks with sequence numbers; they are sealed
/// one by one in the call recordings' encrypted format (<see cref="RecordingFile"/>, AES-256-GCM, sequence number as
/// chunk index) next to the call recordings, and played back, access-logged, to supervisors and the counsellor.
/// </summary>
public sealed class VideoRecordings(MinwonDbContext db, ConversationJournal journal, Platform.Events.LiveBus bus, AccessLog log,
    VideoRecordingStore store, IOptions<VideoOptions> options)
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
        return new VideoRecordingState("requested", store.Count(conversation.Id));
    }

    public async Task<VideoRecordingState> StaffStateAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await HeldAsync(conversationId, user, ct, allowEnded: true);
        return new VideoRecordingState(await ConsentAsync(conversation.Id, ct), store.Count(conversation.Id));
    }

    public async Task<VideoRecordingState> CitizenStateAsync(string token, CancellationToken ct)
    {
        var conversation = await CitizensAsync(token, ct);
        return new VideoRecordingState(await ConsentAsync(conversation.Id, ct), store.Count(conversation.Id));
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
        return new VideoRecordingState(answer.Agree ? "given" : "refused", store.Count(conversation.Id));
    }

    /// <summary>Stores chunk <paramref name="seq"/> once; a repeated chunk is answered as stored without writing it again.</summary>
    public async Task<VideoRecordingChunkStored> AppendAsync(Guid conversationId, ClaimsPrincipal user, long seq, string? contentType, Stream body,
        long? contentLength, CancellationToken ct)
    {
        if (seq is < 0 or > MaxSeq)
        {
            throw ProblemException.Invalid($"seq는 0에서 {MaxSeq} 사이여야 합니다.");
        }

        var conversation = await HeldAsync(conversationId, user, ct);
        if (await ConsentAsync(conversation.Id, ct) != "given")
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "녹화 동의가 없습니다.", "시민이 동의한 뒤에만 녹화할 수 있습니다.");
        }

        if (contentType is null || !contentType.StartsWith("video/webm", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "요청이 올바르지 않습니다.", "녹화 조각은 video/webm이어야 합니다.");
        }

        if (contentLength is > RecordingFile.MaxChunk)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "요청이 올바르지 않습니다.",
                $"녹화 조각은 {RecordingFile.MaxChunk:N0}바이트 이하여야 합니다.");
        }

        var bytes = await ReadAsync(body, ct);
        return await store.AppendAsync(conversation.Id, seq, bytes, ct);
    }

    /// <summary>The decrypted WebM after writing the access log, or null when the user may not see it or nothing was recorded.</summary>
    public async Task<Stream?> OpenAsync(Guid conversationId, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not { Channel: Channels.Video } || !(user.SeesWholeCenter() || conversation.AssignedToId == user.Id())
            || store.Count(conversation.Id) == 0)
        {
            return null;
        }

        var role = StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
        await log.AppendAsync(new AccessRecord(user.Id(), role, address, $"video-recording:{conversation.Id}", "play"), ct);
        return await store.OpenAsync(conversation.Id, ct);
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

    private async Task<Conversation> HeldAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken ct, bool allowEnded = false)
    {
        var me = user.Id();
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (!options.Value.Recording || conversation is not { Channel: Channels.Video } || conversation.AssignedToId != me)
        {
            throw ProblemException.NotFound();
        }

        if (!allowEnded && conversation.Status != ConversationStatus.Assigned)
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

/// <summary>
/// The encrypted files of video recordings: "video-{conversation}.mwrec" in <see cref="RecordingFile"/>'s format
/// (header with rate and channels 0) and "video-{conversation}.key" with the data key protected like call
/// recordings' keys. One writer per conversation at a time; a torn last chunk (a kill mid-write) is cut off before the
/// next append so the whole chunks stay readable.
/// </summary>
public sealed class VideoRecordingStore(CallManager calls, IDataProtectionProvider protection)
{
    private readonly ConcurrentDictionary<Guid, Writer> writers = new();

    public long Count(Guid conversationId)
    {
        var path = DataPath(conversationId);
        if (!File.Exists(path))
        {
            return 0;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return writers.TryGetValue(conversationId, out var writer) && writer.Matches(file) ? writer.Chunks : Scan(file).Chunks;
    }

    public async Task<VideoRecordingChunkStored> AppendAsync(Guid conversationId, long seq, byte[] chunk, CancellationToken ct)
    {
        var writer = writers.GetOrAdd(conversationId, _ => new Writer());
        await writer.Gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(calls.RecordingsDirectory);
            writer.Key ??= await KeyAsync(conversationId, create: true, ct);
            await using var file = new FileStream(DataPath(conversationId), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024,
                FileOptions.Asynchronous);
            if (file.Length < RecordingFile.HeaderSize)
            {
                file.SetLength(0);
                await file.WriteAsync(RecordingFile.Header(0, 0, System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)), ct);
                await file.FlushAsync(ct);
            }

            // The file is scanned once per writer, and again only when it is not as this writer left it (a torn chunk
            // from a kill, another node's append on shared storage): not on every chunk of an hour-long call.
            if (!writer.Matches(file))
            {
                var header = new byte[RecordingFile.HeaderSize];
                file.Position = 0;
                await file.ReadExactlyAsync(header, ct);
                writer.NoncePrefix = RecordingFile.ReadNoncePrefix(header);
                (writer.Chunks, writer.End) = Scan(file);
            }

            if (seq < writer.Chunks)
            {
                return new VideoRecordingChunkStored(seq, false, writer.Chunks);
            }

            if (seq > writer.Chunks)
            {
                throw ProblemException.Conflict($"녹화 조각 {writer.Chunks}번이 먼저 와야 합니다 (받은 것: {seq}번).");
            }

            var sealedChunk = RecordingFile.Seal(writer.Key, conversationId, writer.NoncePrefix, seq, chunk);
            file.SetLength(writer.End);
            file.Position = writer.End;
            await file.WriteAsync(sealedChunk, ct);
            await file.FlushAsync(ct);
            writer.Chunks++;
            writer.End += sealedChunk.Length;
            return new VideoRecordingChunkStored(seq, true, writer.Chunks);
        }
        catch
        {
            writer.Chunks = -1;
            throw;
        }
        finally
        {
            writer.Gate.Release();
        }
    }

    public async Task<MemoryStream> OpenAsync(Guid conversationId, CancellationToken ct)
    {
        var key = await KeyAsync(conversationId, create: false, ct);
        await using var file = new FileStream(DataPath(conversationId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.Asynchronous);
        var output = new MemoryStream();
        await foreach (var chunk in RecordingFile.ReadAsync(file, key, conversationId, ct))
        {
            output.Write(chunk);
        }

        output.Position = 0;
        return output;
    }

    private async Task<byte[]> KeyAsync(Guid conversationId, bool create, CancellationToken ct)
    {
        var keyPath = Path.Combine(calls.RecordingsDirectory, $"video-{conversationId:N}.key");
        if (create && !File.Exists(keyPath))
        {
            await File.WriteAllTextAsync(keyPath, Convert.ToBase64String(Protector.Protect(RecordingFile.NewKey())), ct);
        }

        return Protector.Unprotect(Convert.FromBase64String(await File.ReadAllTextAsync(keyPath, ct)));
    }

    private IDataProtector Protector => protection.CreateProtector(CallManager.RecordingKeyPurpose + ".Video");

    private string DataPath(Guid conversationId) => Path.Combine(calls.RecordingsDirectory, $"video-{conversationId:N}.mwrec");

    /// <summary>One conversation's append state: its lock, key, nonce prefix and where its last whole chunk ends.</summary>
    private sealed class Writer
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public byte[]? Key { get; set; }
        public byte[] NoncePrefix { get; set; } = [];
        public long Chunks { get; set; } = -1;
        public long End { get; set; }

        public bool Matches(FileStream file) => Chunks >= 0 && file.Length == End;
    }

    /// <summary>Whole chunks after the header and where the last whole one ends.</summary>
    private static (long Chunks, long End) Scan(FileStream file)
    {
        if (file.Length < RecordingFile.HeaderSize)
        {
            return (0, RecordingFile.HeaderSize);
        }

        long position = RecordingFile.HeaderSize, chunks = 0;
        Span<byte> length = stackalloc byte[4];
        while (position + 4 <= file.Length)
        {
            file.Position = position;
            file.ReadExactly(length);
            var size = BinaryPrimitives.ReadInt32LittleEndian(length);
            var next = position + 4 + size + RecordingFile.TagSize;
            if (size is < 0 or > RecordingFile.MaxChunk || next > file.Length)
            {
                break;
            }

            position = next;
            chunks++;
        }

        return (chunks, position);
    }
}
