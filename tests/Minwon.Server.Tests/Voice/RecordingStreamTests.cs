using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>
/// Playback decrypts chunk by chunk (<see cref="RecordingStream"/>): a multi-MB recording reads back exactly, from any
/// position (what a range request does), a torn last chunk is left out, and a tampered chunk ends the stream with a
/// logged error after the whole chunks before it, never with its bytes.
/// </summary>
public sealed class RecordingStreamTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string dir = Directory.CreateTempSubdirectory("minwon-recstream-").FullName;
    private readonly TestLogSink logs = new();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private ILogger Logger => logs.CreateLogger("RecordingStream");

    /// <summary>Writes a recording of chunks of the given sizes (random bytes) and returns its path, key, id and plaintext.</summary>
    private async Task<(string Path, byte[] Key, Guid Id, byte[] Plain, long[] ChunkEnds)> WriteAsync(int[] sizes)
    {
        var key = RecordingFile.NewKey();
        var id = Guid.NewGuid();
        var prefix = RandomNumberGenerator.GetBytes(4);
        var path = Path.Combine(dir, $"{id:N}.mwrec");
        var plain = new List<byte>();
        var ends = new List<long>();
        await using var file = File.Create(path);
        await file.WriteAsync(RecordingFile.Header(8000, 2, prefix), Ct);
        for (var i = 0; i < sizes.Length; i++)
        {
            var chunk = RandomNumberGenerator.GetBytes(sizes[i]);
            plain.AddRange(chunk);
            await file.WriteAsync(RecordingFile.Seal(key, id, prefix, i, chunk), Ct);
            ends.Add(file.Length);
        }

        return (path, key, id, [.. plain], [.. ends]);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int block = 64 * 1024)
    {
        using var output = new MemoryStream();
        var buffer = new byte[block];
        int read;
        while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    [Fact]
    public async Task A_multi_megabyte_call_recording_reads_back_as_its_wav_from_the_start_and_from_any_position()
    {
        int[] sizes = [700_000, 1_000_000, 5, 900_000, 1, 640_000];
        var (path, key, id, plain, _) = await WriteAsync(sizes);
        byte[] wav = [.. Wav.Header(8000, 2, plain.Length), .. plain];

        await using var stream = await PlayRecording.OpenWavAsync(path, key, id, Logger, Ct);
        Assert.Equal(wav.Length, stream.Length);
        Assert.Equal(sizes.Length, stream.Chunks);
        Assert.Equal(wav, await ReadAllAsync(stream));

        // Any window, across the header, across chunk boundaries, inside one chunk, the last bytes.
        foreach (var (from, length) in new (long, int)[] { (0, 10), (40, 100), (Wav.HeaderSize + 699_990, 30), (1_700_030, 900_050), (wav.Length - 7, 7), (2_000_000, 1) })
        {
            stream.Position = from;
            var window = new byte[length];
            await stream.ReadExactlyAsync(window, Ct);
            Assert.Equal(wav.AsSpan((int)from, length).ToArray(), window);
        }

        stream.Position = wav.Length;
        Assert.Equal(0, await stream.ReadAsync(new byte[10], Ct));
        Assert.Empty(logs.Lines());
    }

    [Fact]
    public async Task A_torn_last_chunk_is_left_out_of_the_length()
    {
        var (path, key, id, plain, _) = await WriteAsync([1000, 2000]);
        await using (var file = new FileStream(path, FileMode.Append))
        {
            await file.WriteAsync(new byte[] { 200, 0, 0, 0, 1, 2, 3 }, Ct);
        }

        await using var stream = await RecordingStream.OpenAsync(path, key, id, null, Logger, Ct);
        Assert.Equal(plain.Length, stream.Length);
        Assert.Equal(plain, await ReadAllAsync(stream));
    }

    [Fact]
    public async Task A_tampered_chunk_ends_the_stream_with_a_logged_error_after_the_whole_chunks_before_it()
    {
        var (path, key, id, plain, ends) = await WriteAsync([300_000, 300_000, 300_000, 300_000]);
        // One bit of chunk 2's ciphertext flipped on disk.
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = ends[1] + 4 + 1000;
            var b = file.ReadByte();
            file.Position -= 1;
            file.WriteByte((byte)(b ^ 0x10));
        }

        await using var stream = await RecordingStream.OpenAsync(path, key, id, null, Logger, Ct);
        using var served = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
            {
                served.Write(buffer, 0, read);
            }
        });
        Assert.Contains("chunk 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(plain.AsSpan(0, 600_000).ToArray(), served.ToArray());
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"Recording {id} chunk 2 failed authentication", StringComparison.Ordinal));

        // Seeking past the damaged chunk still plays what is whole.
        stream.Position = 900_000;
        var tail = new byte[300_000];
        await stream.ReadExactlyAsync(tail, Ct);
        Assert.Equal(plain.AsSpan(900_000).ToArray(), tail);
    }

    [Fact]
    public async Task The_wrong_key_plays_nothing()
    {
        var (path, _, id, _, _) = await WriteAsync([1000]);
        await using var stream = await RecordingStream.OpenAsync(path, RecordingFile.NewKey(), id, null, Logger, Ct);
        await Assert.ThrowsAsync<IOException>(async () => await stream.ReadExactlyAsync(new byte[100], Ct));
    }

    [Fact]
    public async Task A_file_that_is_not_a_recording_is_refused()
    {
        var path = Path.Combine(dir, "other.bin");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(100), Ct);
        await Assert.ThrowsAsync<InvalidDataException>(() => RecordingStream.OpenAsync(path, RecordingFile.NewKey(), Guid.NewGuid(), null, Logger, Ct));
    }
}
