using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Minwon.Server.Features.Voice.Recording;

/// <summary>
/// The encrypted recording format: a 20-byte header ("MWREC1\r\n", sample rate, channels, a random 4-byte nonce
/// prefix, reserved), then chunks of interleaved PCM16, each sealed with AES-256-GCM:
/// [4-byte plaintext length][ciphertext][16-byte tag]. The nonce is the prefix plus the chunk's index, and the
/// associated data binds the recording id and the index, so chunks cannot be swapped, reordered or moved between
/// recordings. Each chunk is flushed as it is written: a killed process leaves every whole chunk readable, and a
/// torn last chunk is ignored when reading.
/// </summary>
public static class RecordingFile
{
    public const int HeaderSize = 20;
    private const int NoncePrefixOffset = 14;
    public const int TagSize = 16;
    public const int MaxChunk = 1 << 20;
    private static readonly byte[] Magic = "MWREC1\r\n"u8.ToArray();

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static byte[] Header(int sampleRate, int channels, ReadOnlySpan<byte> noncePrefix)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), sampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(12), (short)channels);
        noncePrefix[..4].CopyTo(header.AsSpan(NoncePrefixOffset));
        return header;
    }

    public static byte[] Seal(byte[] key, Guid recordingId, ReadOnlySpan<byte> noncePrefix, long index, ReadOnlySpan<byte> plaintext)
    {
        var chunk = new byte[4 + plaintext.Length + TagSize];
        BinaryPrimitives.WriteInt32LittleEndian(chunk, plaintext.Length);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(Nonce(noncePrefix, index), plaintext, chunk.AsSpan(4, plaintext.Length), chunk.AsSpan(4 + plaintext.Length), Aad(recordingId, index));
        return chunk;
    }

    /// <summary>Reads the header and every whole chunk; a torn final chunk (a kill mid-write) ends the stream quietly.</summary>
    /// <exception cref="CryptographicException">A chunk was altered, or the key is not this recording's.</exception>
    public static async IAsyncEnumerable<byte[]> ReadAsync(Stream file, byte[] key, Guid recordingId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var header = new byte[HeaderSize];
        if (await file.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, ct) < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Minwon recording.");
        }

        var prefix = header.AsMemory(NoncePrefixOffset, 4);
        using var aes = new AesGcm(key, TagSize);
        var lengthBytes = new byte[4];
        for (long index = 0; ; index++)
        {
            if (await file.ReadAtLeastAsync(lengthBytes, 4, throwOnEndOfStream: false, ct) < 4)
            {
                yield break;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
            if (length is < 0 or > MaxChunk)
            {
                throw new InvalidDataException("A recording chunk has an impossible length.");
            }

            var sealedChunk = new byte[length + TagSize];
            if (await file.ReadAtLeastAsync(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false, ct) < sealedChunk.Length)
            {
                yield break;
            }

            var plain = new byte[length];
            aes.Decrypt(Nonce(prefix.Span, index), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length), plain, Aad(recordingId, index));
            yield return plain;
        }
    }

    /// <summary>Where a recording's whole chunks are (<see cref="Index"/>).</summary>
    /// <param name="Offsets">Each whole chunk's length prefix in the file; its index here is its nonce index.</param>
    /// <param name="PlainStarts">Each chunk's first plaintext byte, and one more: the plaintext length.</param>
    /// <param name="End">Where the last whole chunk ends in the file (the header's end when there is none).</param>
    /// <param name="Damaged">An impossible length prefix ended the index (not a torn last chunk, which a kill leaves).</param>
    public sealed record ChunkIndex(long[] Offsets, long[] PlainStarts, long End, bool Damaged)
    {
        public long Chunks => Offsets.Length;

        public long PlainLength => PlainStarts[^1];
    }

    /// <summary>
    /// The one reading of a recording's chunk layout, from the length prefixes alone (nothing decrypted): the playback
    /// stream (<see cref="RecordingStream"/>) and the video store's appender both use it, so what one counts as a whole
    /// chunk the other does too. It stops at a torn last chunk (a kill mid-write) and at an impossible length.
    /// </summary>
    public static ChunkIndex Index(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        var offsets = new List<long>();
        var starts = new List<long> { 0 };
        Span<byte> lengthBytes = stackalloc byte[4];
        long at = HeaderSize;
        var damaged = false;
        while (at + 4 <= length && RandomAccess.Read(file, lengthBytes, at) == 4)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
            if (size is < 0 or > MaxChunk)
            {
                damaged = true;
                break;
            }

            var next = at + 4 + size + TagSize;
            if (next > length)
            {
                break;
            }

            offsets.Add(at);
            starts.Add(starts[^1] + size);
            at = next;
        }

        return new ChunkIndex([.. offsets], [.. starts], at, damaged);
    }

    /// <summary>
    /// Decrypts one sealed chunk (without its 4-byte length) into <paramref name="plain"/>, which must be as long as the
    /// ciphertext. Used by <see cref="RecordingStream"/> to read any chunk on its own.
    /// </summary>
    /// <exception cref="AuthenticationTagMismatchException">The chunk was altered, moved, or the key is not this recording's.</exception>
    public static void Open(AesGcm aes, ReadOnlySpan<byte> noncePrefix, Guid recordingId, long index, ReadOnlySpan<byte> sealedChunk, Span<byte> plain) =>
        aes.Decrypt(Nonce(noncePrefix, index), sealedChunk[..plain.Length], sealedChunk.Slice(plain.Length, TagSize), plain, Aad(recordingId, index));

    /// <summary>The four random bytes every chunk's nonce starts with, from a header <see cref="Header"/> wrote.</summary>
    public static byte[] ReadNoncePrefix(ReadOnlySpan<byte> header) => header.Slice(NoncePrefixOffset, 4).ToArray();

    public static (int SampleRate, int Channels) ReadFormat(ReadOnlySpan<byte> header) =>
        (BinaryPrimitives.ReadInt32LittleEndian(header[8..]), BinaryPrimitives.ReadInt16LittleEndian(header[12..]));

    private static byte[] Nonce(ReadOnlySpan<byte> prefix, long index)
    {
        var nonce = new byte[12];
        prefix[..4].CopyTo(nonce);
        BinaryPrimitives.WriteInt64LittleEndian(nonce.AsSpan(4), index);
        return nonce;
    }

    private static byte[] Aad(Guid recordingId, long index)
    {
        var aad = new byte[24];
        recordingId.TryWriteBytes(aad);
        BinaryPrimitives.WriteInt64LittleEndian(aad.AsSpan(16), index);
        return aad;
    }
}
