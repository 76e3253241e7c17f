using System.Net.WebSockets;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Voice.Transports;

/// <summary>
/// A carrier's call over the Twilio Media Streams protocol at /voice/media-stream: connected, start (streamSid,
/// callSid, customParameters from/to/key), media (base64 μ-law 8 kHz, numbered by chunk so the jitter buffer can
/// reorder), dtmf, mark and stop in; media, mark and clear out. Media before start is ignored with a warning.
/// </summary>
internal sealed partial class MediaStreamSession(WebSocket socket, CallManager calls, VoiceOptions options, bool trusted, ILogger logger)
{
    private const int Rate = 8000;
    private const int MaxMessage = 64 * 1024;
    private readonly SemaphoreSlim send = new(1, 1);
    private readonly List<byte> pending = [];
    private CallSession? session;
    private string streamSid = "";
    private int earlyMedia;
    private long marks;

    public async Task RunAsync(CancellationToken stopping)
    {
        var buffer = new byte[MaxMessage];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (count, type) = await ReceiveAsync(buffer, stopping);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (count < 0)
                {
                    LogTooLarge(MaxMessage);
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big");
                    break;
                }

                MediaStreamMessage message;
                try
                {
                    message = MediaStreamProtocol.Parse(buffer.AsSpan(0, count));
                }
                catch (MediaStreamFormatException ex)
                {
                    LogBadMessage(ex.Message);
                    continue;
                }

                if (!await HandleAsync(message, stopping))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            LogConnectionLost(ex.GetType().Name);
        }
        finally
        {
            if (session is { } started)
            {
                await calls.HangUpAsync(started, stopping.IsCancellationRequested ? "shutdown" : "caller-hangup", fromCaller: true);
            }
        }
    }

    private async Task<bool> HandleAsync(MediaStreamMessage message, CancellationToken stopping)
    {
        switch (message.Event)
        {
            case MediaStreamEvent.Connected:
                return true;
            case MediaStreamEvent.Start when session is null:
                if (!trusted && !Platform.SharedKey.Matches(options.ApiKey, message.CustomParameters.GetValueOrDefault("key")))
                {
                    LogUnauthorised();
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorised");
                    return false;
                }

                if (message.Encoding is { } encoding && encoding != "audio/x-mulaw" || message.SampleRate is { } rate && rate != Rate)
                {
                    LogUnsupportedFormat();
                    await CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "only audio/x-mulaw at 8000 Hz");
                    return false;
                }

                streamSid = message.StreamSid ?? "";
                var leg = new MediaLeg(LegRole.Caller, Rate, null, options.JitterMaxFrames, Math.Max(2, options.JitterPrefillFrames), options.OutboundQueueFrames);
                session = calls.Open(CallRecords.MediaStream, leg, _ => CloseAsync(WebSocketCloseStatus.NormalClosure, "call ended"));
                session.Speaker.Cleared += () => _ = SendAsync(MediaStreamProtocol.Clear(streamSid));
                session.Speaker.PromptFinished += (name, played) =>
                {
                    if (played)
                    {
                        _ = SendAsync(MediaStreamProtocol.Mark(streamSid, $"{name}-{Interlocked.Increment(ref marks)}"));
                    }
                };
                _ = SendLoopAsync(leg);
                var externalId = message.CallSid is { Length: > 0 and <= 64 } sid ? sid : "stream-" + Guid.NewGuid().ToString("N");
                await calls.StartAsync(session, externalId, message.CustomParameters.GetValueOrDefault("from"),
                    message.CustomParameters.GetValueOrDefault("to"), stopping);
                return true;
            case MediaStreamEvent.Start:
                LogRepeatedStart();
                return true;
            case MediaStreamEvent.Media when session is null:
                if (++earlyMedia == 1)
                {
                    LogMediaBeforeStart();
                }

                return true;
            case MediaStreamEvent.Media:
                Receive(session.Caller, message.Payload!, message.Chunk);
                return true;
            case MediaStreamEvent.Dtmf when session is not null:
                calls.OnDtmf(session, message.Digit!.Value);
                return true;
            case MediaStreamEvent.Stop:
                if (session is { } started)
                {
                    await calls.HangUpAsync(started, "caller-hangup", fromCaller: true);
                }

                await CloseAsync(WebSocketCloseStatus.NormalClosure, "stopped");
                return false;
            default:
                return true;
        }
    }

    private void Receive(MediaLeg leg, byte[] mulaw, long? chunk)
    {
        var samples = new short[mulaw.Length];
        G711.DecodeMuLaw(mulaw, samples);
        var frame = Pcm.SamplesPerFrame(Rate);
        if (pending.Count == 0 && samples.Length == frame)
        {
            // The usual case: one 20 ms chunk per message, numbered, so the jitter buffer can put it in order.
            leg.Receive(samples, chunk);
            return;
        }

        foreach (var b in mulaw)
        {
            pending.Add(b);
        }

        while (pending.Count >= frame)
        {
            var part = pending.GetRange(0, frame).ToArray();
            pending.RemoveRange(0, frame);
            var pcm = new short[frame];
            G711.DecodeMuLaw(part, pcm);
            leg.Receive(pcm);
        }
    }

    private async Task SendLoopAsync(MediaLeg leg)
    {
        try
        {
            var mulaw = new byte[Pcm.SamplesPerFrame(Rate)];
            await foreach (var frame in leg.Outbound.ReadAllAsync())
            {
                G711.EncodeMuLaw(frame, mulaw);
                await SendAsync(MediaStreamProtocol.Media(streamSid, mulaw));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The stream is gone; the receive side ends the call.
        }
    }

    private async Task SendAsync(byte[] json)
    {
        await send.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(json, WebSocketMessageType.Text, true, CancellationToken.None);
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

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await send.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(status, reason, timeout.Token);
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

    /// <summary>One whole message; count -1 when it is larger than the buffer.</summary>
    private async Task<(int Count, WebSocketMessageType Type)> ReceiveAsync(byte[] buffer, CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                return (-1, WebSocketMessageType.Text);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (0, WebSocketMessageType.Close);
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return (count, result.MessageType);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream message over {Limit} bytes; stream closed")]
    private partial void LogTooLarge(int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream message ignored: {Reason}")]
    private partial void LogBadMessage(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream sent media before its start message; ignored until start")]
    private partial void LogMediaBeforeStart();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream sent a second start message; ignored")]
    private partial void LogRepeatedStart();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream refused: no valid key in the URL or customParameters")]
    private partial void LogUnauthorised();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream refused: only audio/x-mulaw at 8000 Hz is supported")]
    private partial void LogUnsupportedFormat();

    [LoggerMessage(Level = LogLevel.Information, Message = "Media stream connection lost ({Reason})")]
    private partial void LogConnectionLost(string reason);
}
