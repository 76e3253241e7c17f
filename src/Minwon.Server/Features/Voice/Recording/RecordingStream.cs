using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Minwon.Server.Features.Voice.Recording;

/// <summary>
/// A recording (<see cref="RecordingFile"/>) decrypted as it is read: a read-only, seekable stream of an optional
/// prefix (a WAV header) and the chunks' plaintext, holding one decrypted chunk at a time whatever the recording's
/// length. Opening reads only the chunks' length prefixes, so the length is known before anything is decrypted and
/// HTTP range requests (a player seeking) start at the right chunk. A chunk that fails authentication (tampered, or
/// torn in a way the index did not see) ends the stream with an <see cref="IOException"/> and a logged error: never a
/// byte of it is served. A torn last chunk (a kill mid-write) is left out of the length, as when reading whole.
/// </summary>
public sealed partial class RecordingStream : Stream
{
    private readonly SafeFileHandle file;
    private readonly AesGcm aes;
    private readonly byte[] noncePrefix;
    private readonly Guid recordingId;
    private readonly byte[] prefix;
    private readonly long[] chunkOffsets;   // where each chunk's length prefix is in the file
    private readonly long[] plainStarts;    // where each chunk's plaintext starts in the stream (after the prefix); one more: the end
    private readonly ILogger logger;
    private byte[] sealedBuffer = [];
    private byte[] plainBuffer = [];
    private long cached = -1;
    private long position;

    private RecordingStream(SafeFileHandle file, byte[] key, byte[] noncePrefix, Guid recordingId, byte[] prefix, long[] chunkOffsets,
        long[] plainStarts, ILogger logger)
    {
        this.file = file;
        aes = new AesGcm(key, RecordingFile.TagSize);
        this.noncePrefix = noncePrefix;
        this.recordingId = recordingId;
        this.prefix = prefix;
        this.chunkOffsets = chunkOffsets;
        this.plainStarts = plainStarts;
        this.logger = logger;
    }

    /// <summary>Whole chunks in the recording.</summary>
    public long Chunks => chunkOffsets.Length;

    /// <summary>Bytes of plaintext (without the prefix).</summary>
    public long PlainLength => plainStarts[^1];

    /// <summary>
    /// Opens <paramref name="path"/> and indexes its chunks. <paramref name="makePrefix"/> gets the plaintext length
    /// and returns bytes to serve before it (a WAV header for call recordings; null for none).
    /// </summary>
    /// <exception cref="InvalidDataException">Not a Minwon recording.</exception>
    public static async Task<RecordingStream> OpenAsync(string path, byte[] key, Guid recordingId, Func<long, (int Rate, int Channels), byte[]>? makePrefix,
        ILogger logger, CancellationToken ct)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        try
        {
            var length = RandomAccess.GetLength(file);
            var header = new byte[RecordingFile.HeaderSize];
            if (length < RecordingFile.HeaderSize || await RandomAccess.ReadAsync(file, header, 0, ct) < RecordingFile.HeaderSize
                || !header.AsSpan(0, 8).SequenceEqual("MWREC1\r\n"u8))
            {
                throw new InvalidDataException("Not a Minwon recording.");
            }

            var index = RecordingFile.Index(file);
            if (index.Damaged)
            {
                LogDamagedLength(logger, recordingId, index.Chunks);
            }

            var prefix = makePrefix?.Invoke(index.PlainLength, RecordingFile.ReadFormat(header)) ?? [];
            return new RecordingStream(file, key, RecordingFile.ReadNoncePrefix(header), recordingId, prefix, index.Offsets, index.PlainStarts, logger);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => prefix.Length + PlainLength;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0 || position >= Length)
        {
            return 0;
        }

        if (position < prefix.Length)
        {
            var n = (int)Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsMemory((int)position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        var plainAt = position - prefix.Length;
        var index = ChunkAt(plainAt);
        await DecryptAsync(index, cancellationToken);
        var within = (int)(plainAt - plainStarts[index]);
        var count = (int)Math.Min(buffer.Length, plainStarts[index + 1] - plainAt);
        plainBuffer.AsMemory(within, count).CopyTo(buffer);
        position += count;
        return count;
    }

    private long ChunkAt(long plainAt)
    {
        // The last chunk whose start is at or before plainAt (empty chunks share a start; take the last of them).
        var i = Array.BinarySearch(plainStarts, 0, chunkOffsets.Length, plainAt);
        if (i < 0)
        {
            return ~i - 1;
        }

        while (i + 1 < chunkOffsets.Length && plainStarts[i + 1] == plainAt)
        {
            i++;
        }

        return i;
    }

    private async Task DecryptAsync(long index, CancellationToken ct)
    {
        if (cached == index)
        {
            return;
        }

        var size = (int)(plainStarts[index + 1] - plainStarts[index]);
        if (sealedBuffer.Length < size + RecordingFile.TagSize)
        {
            sealedBuffer = new byte[size + RecordingFile.TagSize];
            plainBuffer = new byte[size];
        }

        cached = -1;
        var sealedChunk = sealedBuffer.AsMemory(0, size + RecordingFile.TagSize);
        var read = await RandomAccess.ReadAsync(file, sealedChunk, chunkOffsets[index] + 4, ct);
        try
        {
            if (read < sealedChunk.Length)
            {
                throw new CryptographicException("The chunk is shorter than when the recording was opened.");
            }

            RecordingFile.Open(aes, noncePrefix, recordingId, index, sealedChunk.Span, plainBuffer.AsSpan(0, size));
        }
        catch (CryptographicException ex)
        {
            LogChunkRefused(logger, ex, recordingId, index);
            throw new IOException($"Recording chunk {index} failed authentication; playback stopped.", ex);
        }

        cached = index;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {RecordingId} chunk {Index} failed authentication (altered or torn); playback stopped there")]
    private static partial void LogChunkRefused(ILogger logger, Exception exception, Guid recordingId, long index);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingId} has an impossible chunk length after chunk {Index}; only the chunks before it are played")]
    private static partial void LogDamagedLength(ILogger logger, Guid recordingId, long index);
}
