using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Minwon.Core.Voice;

namespace Minwon.Server.Tests.Voice;

/// <summary>
/// An Asterisk stand-in written from the published AudioSocket framing: UUID first, then 20 ms slin frames paced in
/// real time (silence unless something is queued to say), DTMF, hang-up; every frame received is kept with its time.
/// </summary>
public sealed class AudioSocketTestClient : IAsyncDisposable
{
    private readonly TcpClient tcp = new() { NoDelay = true };
    private readonly ConcurrentQueue<short[]> toSend = new();
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim write = new(1, 1);
    private readonly Stopwatch watch = new();
    private Task? reader;
    private Task? sender;

    public AudioSocketTestClient(int sampleRate = 8000) => SampleRate = sampleRate;

    public int SampleRate { get; }

    public Guid Uuid { get; } = Guid.NewGuid();

    public List<(TimeSpan At, AudioSocketKind Kind, byte[] Payload)> Received { get; } = [];

    /// <summary>Completes when the server sends a hang-up frame or closes the connection.</summary>
    public TaskCompletionSource<AudioSocketKind?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NetworkStream Stream => tcp.GetStream();

    public async Task ConnectAsync(IPEndPoint endpoint, bool sendUuid = true, bool pace = true)
    {
        await tcp.ConnectAsync(endpoint);
        watch.Start();
        reader = Task.Run(ReadAsync);
        if (sendUuid)
        {
            await SendFrameAsync(AudioSocketCodec.UuidFrame(Uuid));
        }

        if (pace)
        {
            sender = Task.Run(PaceAsync);
        }
    }

    /// <summary>Queues audio to be sent in 20 ms frames from the next tick on.</summary>
    public void Say(short[] samples)
    {
        var frame = Pcm.SamplesPerFrame(SampleRate);
        for (var i = 0; i < samples.Length; i += frame)
        {
            var f = new short[frame];
            samples.AsSpan(i, Math.Min(frame, samples.Length - i)).CopyTo(f);
            toSend.Enqueue(f);
        }
    }

    public Task SendFrameAsync(byte[] frame) => WriteAsync(frame);

    public Task DtmfAsync(char digit) => WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Dtmf, [(byte)digit]));

    public Task HangUpAsync() => WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Hangup, []));

    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>The audio received between two times, joined, as samples.</summary>
    public short[] AudioBetween(TimeSpan from, TimeSpan to)
    {
        lock (Received)
        {
            return Received.Where(r => r.At >= from && r.At < to && AudioSocketCodec.SampleRate(r.Kind) > 0)
                .SelectMany(r => Pcm.FromBytes(r.Payload)).ToArray();
        }
    }

    public TimeSpan? FirstAudible()
    {
        lock (Received)
        {
            return Received.FirstOrDefault(r => AudioSocketCodec.SampleRate(r.Kind) > 0 && !Pcm.IsSilent(Pcm.FromBytes(r.Payload))).At is { } at
                && at > TimeSpan.Zero ? at : null;
        }
    }

    public int AudioFrames()
    {
        lock (Received)
        {
            return Received.Count(r => AudioSocketCodec.SampleRate(r.Kind) > 0);
        }
    }

    private async Task PaceAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var silence = new short[Pcm.SamplesPerFrame(SampleRate)];
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var frame = toSend.TryDequeue(out var f) ? f : silence;
                await WriteAsync(AudioSocketCodec.AudioFrame(frame, SampleRate));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task WriteAsync(byte[] frame)
    {
        await write.WaitAsync();
        try
        {
            await tcp.GetStream().WriteAsync(frame);
        }
        finally
        {
            write.Release();
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[70_000];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await tcp.GetStream().ReadAsync(buffer.AsMemory(filled), stop.Token);
                if (read == 0)
                {
                    Closed.TrySetResult(null);
                    return;
                }

                filled += read;
                while (AudioSocketCodec.TryRead(buffer.AsSpan(0, filled), AudioSocketCodec.MaxPayload, out var kind, out var length) == AudioSocketRead.Frame)
                {
                    var payload = buffer.AsSpan(AudioSocketCodec.HeaderSize, length).ToArray();
                    lock (Received)
                    {
                        Received.Add((watch.Elapsed, kind, payload));
                    }

                    if (kind == AudioSocketKind.Hangup)
                    {
                        Closed.TrySetResult(kind);
                    }

                    var consumed = AudioSocketCodec.HeaderSize + length;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            Closed.TrySetResult(null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        tcp.Dispose();
        foreach (var task in new[] { reader, sender })
        {
            if (task is not null)
            {
                await task.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
