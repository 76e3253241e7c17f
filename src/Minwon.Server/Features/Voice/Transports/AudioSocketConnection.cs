using System.Net.Sockets;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Voice.Transports;

/// <summary>
/// One AudioSocket call: the UUID frame first, then audio, DTMF, hang-up and error frames in; a steady 20 ms stream
/// of audio out at the rate the caller sends (8 kHz until the first audio frame says otherwise). Peer mistakes are
/// logged as warnings without stack traces, and the call always ends through <see cref="CallManager.HangUpAsync"/>.
/// </summary>
internal sealed partial class AudioSocketConnection(TcpClient client, CallManager calls, VoiceOptions options, ILogger logger)
{
    private const int BridgeRate = 8000;
    private readonly SemaphoreSlim write = new(1, 1);
    private readonly NetworkStream stream = client.GetStream();
    private int wireRate = BridgeRate;
    private FrameResampler? inResampler;
    private FrameResampler? outResampler;
    private readonly List<short> pending = [];
    private int unknown;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var owned = client;
        client.NoDelay = true;
        // About two seconds of audio may wait in the kernel; beyond that a peer that stopped reading loses frames from
        // its own outbound queue instead of building minutes of delay (loopback autotuning would allow megabytes).
        client.Client.SendBufferSize = 32 * 1024;
        var buffer = new byte[AudioSocketCodec.HeaderSize + options.AudioSocket.MaxPayloadBytes];
        var filled = 0;
        CallSession? session = null;
        try
        {
            using var uuidTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            uuidTimeout.CancelAfter(TimeSpan.FromSeconds(options.AudioSocket.UuidTimeoutSeconds));
            while (true)
            {
                var token = session is null ? uuidTimeout.Token : stopping;
                var result = AudioSocketCodec.TryRead(buffer.AsSpan(0, filled), options.AudioSocket.MaxPayloadBytes, out var kind, out var length);
                if (result == AudioSocketRead.TooLarge)
                {
                    LogTooLarge(length, options.AudioSocket.MaxPayloadBytes);
                    await EndAsync(session, "bad-frame", fromCaller: false);
                    return;
                }

                if (result == AudioSocketRead.NeedMore)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), token);
                    if (read == 0)
                    {
                        if (session is null)
                        {
                            LogClosedBeforeUuid();
                        }

                        await EndAsync(session, "caller-disconnected", fromCaller: true);
                        return;
                    }

                    filled += read;
                    continue;
                }

                var payload = buffer.AsMemory(AudioSocketCodec.HeaderSize, length);
                if (session is null)
                {
                    if (kind != AudioSocketKind.Uuid || !AudioSocketCodec.TryReadUuid(payload.Span, out var uuid))
                    {
                        LogNoUuid((byte)kind);
                        await WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Hangup, []));
                        return;
                    }

                    var leg = new MediaLeg(LegRole.Caller, BridgeRate, null, options.JitterMaxFrames, options.JitterPrefillFrames, options.OutboundQueueFrames);
                    session = calls.Open(CallRecords.AudioSocket, leg, _ => HangUpCallerAsync());
                    _ = SendLoopAsync(leg);
                    _ = calls.StartAsync(session, uuid.ToString(), null, null, stopping);
                }
                else if (!await HandleAsync(session, kind, payload))
                {
                    return;
                }

                var consumed = AudioSocketCodec.HeaderSize + length;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        catch (OperationCanceledException) when (session is null && !stopping.IsCancellationRequested)
        {
            LogUuidTimeout(options.AudioSocket.UuidTimeoutSeconds);
        }
        catch (OperationCanceledException)
        {
            await EndAsync(session, "shutdown", fromCaller: false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            LogConnectionLost(ex.GetType().Name);
            await EndAsync(session, "caller-disconnected", fromCaller: true);
        }
        finally
        {
            if (session is not null && !session.Ended.IsCompleted)
            {
                await EndAsync(session, "caller-disconnected", fromCaller: true);
            }
        }
    }

    /// <summary>Handles one frame after the UUID; false ends the connection.</summary>
    private async Task<bool> HandleAsync(CallSession session, AudioSocketKind kind, ReadOnlyMemory<byte> payload)
    {
        var rate = AudioSocketCodec.SampleRate(kind);
        if (rate > 0)
        {
            Receive(session.Caller, rate, payload.Span);
            return true;
        }

        switch (kind)
        {
            case AudioSocketKind.Dtmf:
                if (payload.Length == 1 && Dtmf.IsDigit(char.ToUpperInvariant((char)payload.Span[0])))
                {
                    calls.OnDtmf(session, char.ToUpperInvariant((char)payload.Span[0]));
                }
                else
                {
                    LogBadDtmf(session.CallId);
                }

                return true;
            case AudioSocketKind.Hangup:
                await EndAsync(session, "caller-hangup", fromCaller: true);
                return false;
            case AudioSocketKind.Error:
                LogPeerError(session.CallId, payload.Length > 0 ? payload.Span[0] : -1);
                await EndAsync(session, "caller-error", fromCaller: true);
                return false;
            case AudioSocketKind.Uuid or AudioSocketKind.Silence:
                return true;
            default:
                if (++unknown <= 3)
                {
                    LogUnknown(session.CallId, (byte)kind, payload.Length);
                }

                return true;
        }
    }

    private void Receive(MediaLeg leg, int rate, ReadOnlySpan<byte> payload)
    {
        if (rate != wireRate)
        {
            // The PBX chose another slin rate: convert both ways from now on (the bridge stays at 8 kHz).
            wireRate = rate;
            inResampler = rate == BridgeRate ? null : new FrameResampler(rate, BridgeRate);
            outResampler = rate == BridgeRate ? null : new FrameResampler(BridgeRate, rate);
            pending.Clear();
        }

        var samples = Pcm.FromBytes(payload);
        var wireFrame = Pcm.SamplesPerFrame(rate);
        pending.AddRange(samples);
        while (pending.Count >= wireFrame)
        {
            var frame = pending.GetRange(0, wireFrame).ToArray();
            pending.RemoveRange(0, wireFrame);
            leg.Receive(inResampler is { } r ? r.Process(frame) : frame);
        }
    }

    private async Task SendLoopAsync(MediaLeg leg)
    {
        try
        {
            await foreach (var frame in leg.Outbound.ReadAllAsync())
            {
                var wire = outResampler is { } r ? r.Process(frame) : frame;
                await WriteAsync(AudioSocketCodec.AudioFrame(wire, wireRate));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone; the read side ends the call.
        }
    }

    private async Task HangUpCallerAsync()
    {
        try
        {
            await WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Hangup, []));
        }
        finally
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private async Task WriteAsync(byte[] frame)
    {
        await write.WaitAsync();
        try
        {
            await stream.WriteAsync(frame);
        }
        finally
        {
            write.Release();
        }
    }

    private Task EndAsync(CallSession? session, string cause, bool fromCaller) =>
        session is null ? Task.CompletedTask : calls.HangUpAsync(session, cause, fromCaller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AudioSocket frame announced {Length} bytes, over the limit of {Limit}; hanging up")]
    private partial void LogTooLarge(int length, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AudioSocket connection sent frame type 0x{Kind:X2} before its UUID; closed")]
    private partial void LogNoUuid(byte kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AudioSocket connection sent no UUID within {Seconds} s; closed")]
    private partial void LogUuidTimeout(int seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "AudioSocket connection closed before its UUID")]
    private partial void LogClosedBeforeUuid();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: AudioSocket DTMF frame without one valid digit; ignored")]
    private partial void LogBadDtmf(Guid callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the PBX reported error code {Code}; call ended")]
    private partial void LogPeerError(Guid callId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: unknown AudioSocket frame type 0x{Kind:X2} ({Length} bytes); ignored")]
    private partial void LogUnknown(Guid callId, byte kind, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "AudioSocket connection lost ({Reason})")]
    private partial void LogConnectionLost(string reason);
}
