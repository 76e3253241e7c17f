using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Minwon.Core.Voice;

namespace Minwon.Server.Tests.Voice;

/// <summary>A softphone (or web-call page) as the protocol in docs/voice.md describes it: binary PCM16 16 kHz 20 ms frames, JSON text control.</summary>
public sealed class BrowserLegTestClient(WebSocket socket) : IAsyncDisposable
{
    public const int Rate = 16000;
    private readonly ConcurrentQueue<short[]> toSend = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly SemaphoreSlim send = new(1, 1);
    private Task? reader;
    private Task? sender;

    public List<(TimeSpan At, short[] Frame)> Audio { get; } = [];

    public List<JsonElement> Control { get; } = [];

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Elapsed => watch.Elapsed;

    public void Start()
    {
        reader = Task.Run(ReadAsync);
        sender = Task.Run(PaceAsync);
    }

    public void Say(short[] samples)
    {
        for (var i = 0; i < samples.Length; i += 320)
        {
            var f = new short[320];
            samples.AsSpan(i, Math.Min(320, samples.Length - i)).CopyTo(f);
            toSend.Enqueue(f);
        }
    }

    public async Task SendControlAsync(string json)
    {
        await send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            send.Release();
        }
    }

    public short[] AudioBetween(TimeSpan from, TimeSpan to)
    {
        lock (Audio)
        {
            return Audio.Where(a => a.At >= from && a.At < to).SelectMany(a => a.Frame).ToArray();
        }
    }

    public bool HasControl(string type, string? field = null, string? value = null)
    {
        lock (Control)
        {
            return Control.Any(c => c.TryGetProperty("type", out var t) && t.GetString() == type
                && (field is null || c.TryGetProperty(field, out var f) && f.ToString() == value));
        }
    }

    private async Task PaceAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var silence = new short[320];
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token) && socket.State == WebSocketState.Open)
            {
                var frame = toSend.TryDequeue(out var f) ? f : silence;
                await send.WaitAsync(stop.Token);
                try
                {
                    await socket.SendAsync(Pcm.ToBytes(frame), WebSocketMessageType.Binary, true, stop.Token);
                }
                finally
                {
                    send.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), stop.Token);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    lock (Audio)
                    {
                        Audio.Add((watch.Elapsed, Pcm.FromBytes(buffer.AsSpan(0, count))));
                    }
                }
                else
                {
                    using var doc = JsonDocument.Parse(buffer.AsMemory(0, count));
                    lock (Control)
                    {
                        Control.Add(doc.RootElement.Clone());
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
        }

        Closed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var task in new[] { reader, sender })
        {
            if (task is not null)
            {
                await task.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        socket.Dispose();
    }
}
