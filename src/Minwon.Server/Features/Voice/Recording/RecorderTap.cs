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
    private readonly Channel<byte[]> _chunks = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(30)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true,
    });
    private readonly int _samplesPerFrame;
    private readonly short[] _buffer;
    private readonly FileStream _file;
    private readonly byte[] _key;
    private readonly byte[] _prefix = System.Security.Cryptography.RandomNumberGenerator.GetBytes(4);
    private readonly Task _writer;
    private readonly ILogger _logger;
    private int _ticks;
    private long _droppedChunks;
    private long _samples;
    private volatile bool _ended;

    public RecorderTap(Guid recordingId, string path, byte[] key, int sampleRate, ILogger logger)
    {
        RecordingId = recordingId;
        SampleRate = sampleRate;
        _logger = logger;
        _key = key;
        _samplesPerFrame = Pcm.SamplesPerFrame(sampleRate);
        _buffer = new short[_samplesPerFrame * 2 * TicksPerChunk];
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        _file.Write(RecordingFile.Header(sampleRate, 2, _prefix));
        _file.Flush();
        _writer = Task.Run(WriteAsync);
    }

    public Guid RecordingId { get; }

    public int SampleRate { get; }

    /// <summary>Audio recorded so far, in samples per channel.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    public long DroppedChunks => Interlocked.Read(ref _droppedChunks);

    public void OnTick(long tick, ReadOnlySpan<TappedFrame> frames)
    {
        if (_ended)
        {
            return;
        }

        short[]? caller = null;
        Span<int> staff = stackalloc int[_samplesPerFrame];
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

        var offset = _ticks * _samplesPerFrame * 2;
        for (var i = 0; i < _samplesPerFrame; i++)
        {
            _buffer[offset + i * 2] = caller is null ? (short)0 : caller[i];
            _buffer[offset + i * 2 + 1] = Pcm.Saturate(staff[i]);
        }

        if (++_ticks == TicksPerChunk)
        {
            Emit();
        }
    }

    public void OnEnded()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_ticks > 0)
        {
            Emit();
        }

        _chunks.Writer.TryComplete();
    }

    /// <summary>Ends the recording and waits until everything queued is on disk.</summary>
    public async ValueTask DisposeAsync()
    {
        OnEnded();
        await _writer;
        await _file.DisposeAsync();
    }

    private void Emit()
    {
        var bytes = Pcm.ToBytes(_buffer.AsSpan(0, _ticks * _samplesPerFrame * 2));
        if (_chunks.Writer.TryWrite(bytes))
        {
            Interlocked.Add(ref _samples, _ticks * _samplesPerFrame);
        }
        else
        {
            Interlocked.Increment(ref _droppedChunks);
        }

        _ticks = 0;
    }

    private async Task WriteAsync()
    {
        long index = 0;
        try
        {
            await foreach (var chunk in _chunks.Reader.ReadAllAsync())
            {
                await _file.WriteAsync(RecordingFile.Seal(_key, RecordingId, _prefix, index++, chunk));
                // To the operating system at once: a killed process loses at most the chunk being filled.
                await _file.FlushAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, ex, RecordingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {RecordingId} could not be written; the call goes on unrecorded")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, Guid recordingId);
}
