using System.Threading.Channels;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Voice.Recording;

/// <summary>
/// Records a call in stereo: left the caller, right the counsellor side (counsellor, consulted colleague, a supervisor
/// who barged in). The clock thread only interleaves into a buffer; whole seconds go through a bounded queue to a
/// writer task that encrypts and flushes them, so a slow disk drops recording chunks (counted) instead of stalling
/// the call.
/// </summary>
public sealed partial class RecorderTap : IMediaTap, IAsyncDisposable
{
    private const int TicksPerChunk = 50;
    private readonly Channel<byte[]> chunks = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(30)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true,
    });
    private readonly int samplesPerFrame;
    private readonly short[] buffer;
    private readonly FileStream file;
    private readonly byte[] key;
    private readonly byte[] prefix = System.Security.Cryptography.RandomNumberGenerator.GetBytes(4);
    private readonly Task writer;
    private readonly ILogger logger;
    private int ticks;
    private long droppedChunks;
    private long samples;
    private volatile bool ended;

    public RecorderTap(Guid recordingId, string path, byte[] key, int sampleRate, ILogger logger)
    {
        RecordingId = recordingId;
        SampleRate = sampleRate;
        this.logger = logger;
        this.key = key;
        samplesPerFrame = Pcm.SamplesPerFrame(sampleRate);
        buffer = new short[samplesPerFrame * 2 * TicksPerChunk];
        file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        file.Write(RecordingFile.Header(sampleRate, 2, prefix));
        file.Flush();
        writer = Task.Run(WriteAsync);
    }

    public Guid RecordingId { get; }

    public int SampleRate { get; }

    /// <summary>Audio recorded so far, in samples per channel.</summary>
    public long Samples => Interlocked.Read(ref samples);

    public long DroppedChunks => Interlocked.Read(ref droppedChunks);

    public void OnTick(long tick, ReadOnlySpan<TappedFrame> frames)
    {
        if (ended)
        {
            return;
        }

        short[]? caller = null;
        Span<int> staff = stackalloc int[samplesPerFrame];
        foreach (var f in frames)
        {
            if (f.Frame is not { } frame)
            {
                continue;
            }

            if (f.Role == LegRole.Caller)
            {
                caller = frame;
            }
            else if (f.Role is LegRole.Agent or LegRole.Consult or LegRole.Barge)
            {
                for (var i = 0; i < staff.Length && i < frame.Length; i++)
                {
                    staff[i] += frame[i];
                }
            }
        }

        var offset = ticks * samplesPerFrame * 2;
        for (var i = 0; i < samplesPerFrame; i++)
        {
            buffer[offset + i * 2] = caller is null ? (short)0 : caller[i];
            buffer[offset + i * 2 + 1] = Pcm.Saturate(staff[i]);
        }

        if (++ticks == TicksPerChunk)
        {
            Emit();
        }
    }

    public void OnEnded()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        if (ticks > 0)
        {
            Emit();
        }

        chunks.Writer.TryComplete();
    }

    /// <summary>Ends the recording and waits until everything queued is on disk.</summary>
    public async ValueTask DisposeAsync()
    {
        OnEnded();
        await writer;
        await file.DisposeAsync();
    }

    private void Emit()
    {
        var bytes = Pcm.ToBytes(buffer.AsSpan(0, ticks * samplesPerFrame * 2));
        if (chunks.Writer.TryWrite(bytes))
        {
            Interlocked.Add(ref samples, ticks * samplesPerFrame);
        }
        else
        {
            Interlocked.Increment(ref droppedChunks);
        }

        ticks = 0;
    }

    private async Task WriteAsync()
    {
        long index = 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
            {
                await file.WriteAsync(RecordingFile.Seal(key, RecordingId, prefix, index++, chunk));
                // To the operating system at once: a killed process loses at most the chunk being filled.
                await file.FlushAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, ex, RecordingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {RecordingId} could not be written; the call goes on unrecorded")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, Guid recordingId);
}
