using System.Net.WebSockets;
using System.Text.Json;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Voice.Transports;

/// <summary>
/// A browser on a call (the citizen's web call, the counsellor's softphone, a supervisor): binary WebSocket messages
/// are PCM16 little-endian mono 16 kHz, 20 ms (640 bytes) each way; text messages are JSON control (docs/voice.md).
/// The bridge may run at 8 kHz (a phone call): this session converts both ways.
/// </summary>
internal sealed partial class BrowserLegSession(WebSocket socket, CallManager calls, ILogger logger)
{
    public const int WireRate = 16000;
    public const int FrameBytes = WireRate / 50 * 2;
    private readonly SemaphoreSlim send = new(1, 1);

    /// <summary>
    /// Serves a leg until the browser closes or the call ends. <paramref name="isCaller"/>: closing hangs up the call.
    /// <paramref name="fileAsync"/> (a caller's leg) files the call once audio already flows: the notice starts when
    /// the call opens, and frames queued while the database works would otherwise be dropped or arrive as one burst
    /// the browser's short playout buffer cannot take, cutting the start of the notice.
    /// </summary>
    public async Task RunAsync(CallSession session, MediaLeg leg, bool isCaller, CancellationToken stopping, Func<Task>? fileAsync = null)
    {
        var inResampler = leg.SampleRate == WireRate ? null : new FrameResampler(WireRate, leg.SampleRate);
        void OnChanged(CallEvent e) => _ = SendTextAsync(JsonSerializer.SerializeToUtf8Bytes(e, Json));
        session.Changed += OnChanged;
        // When the leg leaves the call (transferred away, replaced, call over) its outbound stream completes: the
        // socket is then closed and the receive loop ends.
        using var left = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var sender = SendLoopAsync(leg).ContinueWith(async _ =>
        {
            await CloseAsync();
            await left.CancelAsync();
        }, TaskScheduler.Default).Unwrap();
        try
        {
            if (fileAsync is not null)
            {
                await fileAsync();
            }

            await SendTextAsync(JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "ready", callId = session.CallId, role = leg.Role.ToString().ToLowerInvariant(), sampleRate = WireRate, frameMs = 20,
            }, Json));
            var buffer = new byte[16 * 1024];
            var pending = new List<byte>();
            while (socket.State == WebSocketState.Open && !session.Ended.IsCompleted)
            {
                var result = await socket.ReceiveAsync(buffer, left.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    pending.AddRange(buffer.AsSpan(0, result.Count));
                    if (pending.Count > FrameBytes * 50)
                    {
                        LogFlood(session.CallId);
                        pending.Clear();
                    }

                    while (pending.Count >= FrameBytes)
                    {
                        var samples = Pcm.FromBytes(pending.GetRange(0, FrameBytes).ToArray());
                        pending.RemoveRange(0, FrameBytes);
                        leg.Receive(inResampler is { } r ? r.Process(samples) : samples);
                    }
                }
                else if (result.EndOfMessage)
                {
                    HandleControl(session, isCaller, buffer.AsSpan(0, result.Count));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            LogLost(session.CallId, ex.GetType().Name);
        }
        finally
        {
            session.Changed -= OnChanged;
            if (isCaller)
            {
                await calls.HangUpAsync(session, stopping.IsCancellationRequested ? "shutdown" : "caller-hangup", fromCaller: true);
            }
            else
            {
                calls.Detach(session, leg);
            }

            await CloseAsync();
            await sender;
        }
    }

    private void HandleControl(CallSession session, bool isCaller, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "dtmf" when isCaller && root.TryGetProperty("digit", out var d) && d.GetString() is [var digit] && Dtmf.IsDigit(char.ToUpperInvariant(digit)):
                    calls.OnDtmf(session, char.ToUpperInvariant(digit));
                    break;
                case "hangup" when isCaller:
                    _ = calls.HangUpAsync(session, "caller-hangup", fromCaller: true);
                    break;
                case "ping":
                    _ = SendTextAsync("""{"type":"pong"}"""u8.ToArray());
                    break;
                default:
                    LogUnknownControl(session.CallId);
                    break;
            }
        }
        catch (JsonException)
        {
            LogUnknownControl(session.CallId);
        }
    }

    private async Task SendLoopAsync(MediaLeg leg)
    {
        var outResampler = leg.SampleRate == WireRate ? null : new FrameResampler(leg.SampleRate, WireRate);
        try
        {
            await foreach (var frame in leg.Outbound.ReadAllAsync())
            {
                var wire = outResampler is { } r ? r.Process(frame) : frame;
                await SendAsync(Pcm.ToBytes(wire), WebSocketMessageType.Binary);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private Task SendTextAsync(byte[] json) => SendAsync(json, WebSocketMessageType.Text);

    private async Task SendAsync(byte[] data, WebSocketMessageType type)
    {
        await send.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(data, type, true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            send.Release();
        }
    }

    private async Task CloseAsync()
    {
        await send.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "call ended", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            send.Release();
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: a browser sent audio faster than real time; its backlog was dropped")]
    private partial void LogFlood(Guid callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: a browser sent a control message Minwon does not know; ignored")]
    private partial void LogUnknownControl(Guid callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: browser leg connection lost ({Reason})")]
    private partial void LogLost(Guid callId, string reason);
}
