using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Minwon.Core.Speech;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// The transcriber of one call, a tap on its bridge. On the media clock it only enqueues each leg's frame (bounded,
/// oldest dropped); its own task runs the voice activity detector per leg (citizen and counsellor side apart), cuts
/// utterances with some padding, and hands them to a second bounded queue that the engine drains one at a time. A slow
/// or failing engine loses utterances of this call (counted, logged, the desk told "unavailable"), never a tick.
/// </summary>
public sealed partial class CallTranscriber : IMediaTap
{
    private const int FrameQueue = 500;

    private readonly CallSession session;
    private readonly Guid conversationId;
    private readonly ISpeechToText engine;
    private readonly SpeechOptions options;
    private readonly SemaphoreSlim gate;
    private readonly IServiceScopeFactory scopes;
    private readonly TranscriptBoard board;
    private readonly ILogger logger;
    private readonly Channel<TapBatch> frames;
    private readonly Channel<Utterance> utterances;
    private readonly Dictionary<Guid, LegTrack> legs = [];
    private long firstTick = -1;
    private long droppedFrames;
    private long droppedUtterances;

    public CallTranscriber(CallSession session, Guid conversationId, ISpeechToText engine, SpeechOptions options, SemaphoreSlim gate,
        IServiceScopeFactory scopes, TranscriptBoard board, ILogger logger)
    {
        this.session = session;
        this.conversationId = conversationId;
        this.engine = engine;
        this.options = options;
        this.gate = gate;
        this.scopes = scopes;
        this.board = board;
        this.logger = logger;
        frames = Channel.CreateBounded<TapBatch>(new BoundedChannelOptions(FrameQueue)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => Interlocked.Increment(ref droppedFrames));
        utterances = Channel.CreateBounded<Utterance>(new BoundedChannelOptions(Math.Max(1, options.QueuePerCall))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => Interlocked.Increment(ref droppedUtterances));
        Completion = Task.WhenAll(Task.Run(DetectAsync), Task.Run(TranscribeAsync));
    }

    /// <summary>Completes when the call's last utterance has been transcribed (or failed) after the call ended.</summary>
    public Task Completion { get; }

    public long DroppedUtterances => Interlocked.Read(ref droppedUtterances);

    public void OnTick(long tick, ReadOnlySpan<TappedFrame> tapped)
    {
        // Only enqueue here: this runs on the media clock thread. Frames are shared and never changed, so no copy.
        var wanted = 0;
        foreach (var f in tapped)
        {
            if (Wanted(f.Role))
            {
                wanted++;
            }
        }

        if (wanted == 0)
        {
            return;
        }

        var batch = new TappedFrame[wanted];
        var i = 0;
        foreach (var f in tapped)
        {
            if (Wanted(f.Role))
            {
                batch[i++] = f;
            }
        }

        frames.Writer.TryWrite(new TapBatch(tick, batch));
    }

    public void OnEnded() => frames.Writer.TryComplete();

    private bool Wanted(LegRole role) => role == LegRole.Caller
        || options.TranscribeCounsellor && role is LegRole.Agent or LegRole.Consult or LegRole.Barge;

    private async Task DetectAsync()
    {
        var rate = session.Bridge.SampleRate;
        var silence = new short[session.Bridge.SamplesPerFrame];
        var events = new List<VadEvent>();
        try
        {
            await foreach (var batch in frames.Reader.ReadAllAsync())
            {
                var tick = batch.Tick;
                if (firstTick < 0)
                {
                    firstTick = tick;
                }

                foreach (var f in batch.Frames)
                {
                    if (!legs.TryGetValue(f.LegId, out var leg))
                    {
                        leg = new LegTrack(f.Role, f.UserId, tick, rate, options);
                        legs[f.LegId] = leg;
                    }

                    events.Clear();
                    leg.Feed(f.Frame ?? silence, events);
                    foreach (var e in events.Where(e => e.Kind == VadEventKind.Ended))
                    {
                        Enqueue(leg, e.Segment);
                    }
                }
            }

            foreach (var leg in legs.Values)
            {
                events.Clear();
                leg.Flush(events);
                foreach (var e in events.Where(e => e.Kind == VadEventKind.Ended))
                {
                    Enqueue(leg, e.Segment);
                }
            }
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, session.CallId);
        }
        finally
        {
            utterances.Writer.TryComplete();
            if (Interlocked.Read(ref droppedFrames) > 0)
            {
                LogFramesDropped(logger, session.CallId, Interlocked.Read(ref droppedFrames));
            }
        }
    }

    private void Enqueue(LegTrack leg, SpeechSegment segment)
    {
        var clip = leg.Cut(segment);
        if (clip.Length == 0)
        {
            return;
        }

        // From the tap's first tick, which is when the recording started: a line can be played back from here.
        var offset = (leg.FirstTick - firstTick) * 20;
        var side = leg.Role == LegRole.Caller ? SpeakerSide.Citizen : SpeakerSide.Counsellor;
        utterances.Writer.TryWrite(new Utterance(side, leg.UserId, offset + segment.StartMs, offset + segment.EndMs,
            new SpeechClip(clip, session.Bridge.SampleRate, options.Language)));
    }

    private async Task TranscribeAsync()
    {
        await foreach (var u in utterances.Reader.ReadAllAsync())
        {
            try
            {
                Recognition heard;
                await gate.WaitAsync();
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
                    heard = await engine.TranscribeAsync(u.Clip, timeout.Token);
                }
                catch (OperationCanceledException ex)
                {
                    throw new SpeechEngineException("The engine did not answer in time.", ex);
                }
                finally
                {
                    gate.Release();
                }

                await board.SetAsync(conversationId, TranscriptBoard.Live);
                if (heard.Text.Length == 0)
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TranscriptWriter>().AppendAsync(
                    new TranscriptWriter.Segment(conversationId, session.CallId, u.Side, u.SpeakerId, heard.Text, u.StartMs, u.EndMs, engine.Name),
                    CancellationToken.None);
            }
            catch (SpeechEngineException ex)
            {
                LogEngineFailed(logger, session.CallId, engine.Name, ex.Message);
                await board.SetAsync(conversationId, TranscriptBoard.Unavailable);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, session.CallId);
            }
        }

        if (DroppedUtterances > 0)
        {
            LogUtterancesDropped(logger, session.CallId, DroppedUtterances);
        }
    }

    private sealed record TapBatch(long Tick, TappedFrame[] Frames);

    private sealed record Utterance(SpeakerSide Side, string? SpeakerId, long StartMs, long EndMs, SpeechClip Clip);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the {Engine} speech engine failed an utterance: {Reason}")]
    private static partial void LogEngineFailed(ILogger logger, Guid callId, string engine, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: transcription failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the transcriber fell behind and dropped {Frames} frames")]
    private static partial void LogFramesDropped(ILogger logger, Guid callId, long frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: {Utterances} utterances waited too long for the speech engine and were dropped")]
    private static partial void LogUtterancesDropped(ILogger logger, Guid callId, long utterances);
}
