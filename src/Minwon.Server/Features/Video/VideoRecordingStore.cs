using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Video;

/// <summary>
/// The encrypted files of video recordings, one per part (<see cref="VideoRecordingPart.FileNameOf"/>), in
/// <see cref="RecordingFile"/>'s format (header with rate and channels 0), each with its data key protected like call
/// recordings' keys in a ".key" file beside it. One writer per part at a time; a torn last chunk (a kill mid-write) is
/// cut off before the next append so the whole chunks stay readable. A writer (its key and where its file ends) is
/// dropped when its call ends and after <see cref="VideoOptions.RecordingWriterIdleMinutes"/> without a chunk
/// (<see cref="VideoRecordingJanitor"/>); a later chunk (the grace after the end) makes a new one, which reads the file again.
/// </summary>
public sealed class VideoRecordingStore(CallManager calls, IDataProtectionProvider protection, TimeProvider clock, ILogger<VideoRecordingStore> logger)
{
    private readonly ConcurrentDictionary<(Guid Conversation, int Part), Writer> writers = new();

    /// <summary>Writers held now (one per part being written).</summary>
    public int WriterCount => writers.Count;

    public async Task<VideoRecordingChunkStored> AppendAsync(Guid conversationId, int part, long seq, byte[] chunk, CancellationToken ct)
    {
        Writer writer;
        while (true)
        {
            writer = writers.GetOrAdd((conversationId, part), _ => new Writer());
            await writer.Gate.WaitAsync(ct);
            if (!writer.Evicted)
            {
                break;
            }

            // Evicted while this request waited for it: take the one that replaces it.
            writer.Gate.Release();
        }

        try
        {
            writer.LastUsed = clock.GetUtcNow();
            var fileName = VideoRecordingPart.FileNameOf(conversationId, part);
            Directory.CreateDirectory(calls.RecordingsDirectory);
            writer.Key ??= await KeyAsync(fileName, create: true, ct);
            await using var file = new FileStream(PathOf(fileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024,
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
                var index = RecordingFile.Index(file.SafeFileHandle);
                (writer.Chunks, writer.End, writer.Bytes) = (index.Chunks, index.End, index.PlainLength);
            }

            if (seq < writer.Chunks)
            {
                return new VideoRecordingChunkStored(seq, false, writer.Chunks, writer.Bytes);
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
            writer.Bytes += chunk.Length;
            return new VideoRecordingChunkStored(seq, true, writer.Chunks, writer.Bytes);
        }
        catch (Exception ex) when (ex is not ProblemException)
        {
            writer.Chunks = -1;
            throw;
        }
        finally
        {
            writer.Gate.Release();
        }
    }

    /// <summary>A part's WebM decrypted chunk by chunk as it is read (constant memory, seekable for range requests).</summary>
    public async Task<RecordingStream> OpenAsync(Guid conversationId, string fileName, CancellationToken ct) =>
        await RecordingStream.OpenAsync(PathOf(fileName), await KeyAsync(fileName, create: false, ct), conversationId, null, logger, ct);

    public bool Exists(string fileName) => File.Exists(PathOf(fileName));

    /// <summary>Whole chunks in a part's file (0 when there is no file or no directory), read from the file itself, not from its row.</summary>
    public long ChunksInFile(string fileName)
    {
        try
        {
            using var file = File.OpenHandle(PathOf(fileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return RecordingFile.Index(file).Chunks;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // No file yet, or no recordings directory yet (nothing recorded on this node so far): no chunks.
            return 0;
        }
    }

    /// <summary>Drops the writers of a conversation (its call ended).</summary>
    public Task<int> EvictAsync(Guid conversationId, CancellationToken ct) =>
        EvictWhereAsync((key, _) => key.Conversation == conversationId, ct);

    /// <summary>Drops writers that took no chunk for <paramref name="idle"/> (a desk closed without ending, a lost end).</summary>
    public Task<int> EvictIdleAsync(TimeSpan idle, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - idle;
        return EvictWhereAsync((_, writer) => writer.LastUsed < before, ct);
    }

    public bool HasWriters(Guid conversationId) => writers.Keys.Any(k => k.Conversation == conversationId);

    private async Task<int> EvictWhereAsync(Func<(Guid Conversation, int Part), Writer, bool> due, CancellationToken ct)
    {
        var evicted = 0;
        foreach (var (key, writer) in writers)
        {
            if (!due(key, writer))
            {
                continue;
            }

            // Under the writer's lock, so no append is half-way through it; an append waiting for it sees Evicted.
            await writer.Gate.WaitAsync(ct);
            try
            {
                if (!writer.Evicted && writers.TryRemove(new(key, writer)))
                {
                    writer.Evicted = true;
                    evicted++;
                }
            }
            finally
            {
                writer.Gate.Release();
            }
        }

        return evicted;
    }

    /// <summary>Deletes a part's file and key (retention); its writer goes first so nothing writes it again.</summary>
    public async Task DeleteAsync(Guid conversationId, int part, string fileName, CancellationToken ct)
    {
        if (writers.TryGetValue((conversationId, part), out var writer))
        {
            await writer.Gate.WaitAsync(ct);
            try
            {
                writers.TryRemove(new((conversationId, part), writer));
                writer.Evicted = true;
                File.Delete(PathOf(fileName));
                File.Delete(PathOf(VideoRecordingPart.KeyNameOf(fileName)));
                return;
            }
            finally
            {
                writer.Gate.Release();
            }
        }

        File.Delete(PathOf(fileName));
        File.Delete(PathOf(VideoRecordingPart.KeyNameOf(fileName)));
    }

    private async Task<byte[]> KeyAsync(string fileName, bool create, CancellationToken ct)
    {
        var keyPath = PathOf(VideoRecordingPart.KeyNameOf(fileName));
        if (create && !File.Exists(keyPath))
        {
            await File.WriteAllTextAsync(keyPath, Convert.ToBase64String(Protector.Protect(RecordingFile.NewKey())), ct);
        }

        return Protector.Unprotect(Convert.FromBase64String(await File.ReadAllTextAsync(keyPath, ct)));
    }

    private IDataProtector Protector => protection.CreateProtector(CallManager.RecordingKeyPurpose + ".Video");

    private string PathOf(string fileName) => Path.Combine(calls.RecordingsDirectory, Path.GetFileName(fileName));

    /// <summary>One part's append state: its lock, key, nonce prefix, where its last whole chunk ends and its plaintext bytes.</summary>
    private sealed class Writer
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public byte[]? Key { get; set; }
        public byte[] NoncePrefix { get; set; } = [];
        public long Chunks { get; set; } = -1;
        public long End { get; set; }
        public long Bytes { get; set; }
        public DateTimeOffset LastUsed { get; set; }
        public bool Evicted { get; set; }

        public bool Matches(FileStream file) => Chunks >= 0 && file.Length == End;
    }
}
