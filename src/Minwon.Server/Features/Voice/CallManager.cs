using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Features.Voice.Speech;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// Runs the calls held by this node: opens a bridge when a caller connects (the recording notice starts at once),
/// records after the notice, speaks queue announcements and plays hold music while the caller waits, offers a
/// callback, joins and drops staff legs, and ends calls cleanly (also at shutdown, so AudioSocket callers get a
/// hang-up frame). Database work goes through <see cref="CallRecords"/> in a scope of its own.
/// </summary>
public sealed partial class CallManager(IServiceScopeFactory scopes, MediaClock clock, PromptLibrary prompts,
    IOptions<VoiceOptions> options, IOptions<MinwonOptions> minwon, IDataProtectionProvider protection, TimeProvider time,
    IEnumerable<ICallObserver> observers, ILogger<CallManager> logger) : IHostedService
{
    public const string RecordingKeyPurpose = "Minwon.Voice.Recording.Key.v1";
    private readonly ConcurrentDictionary<Guid, CallSession> calls = new();
    private readonly ConcurrentDictionary<CallSession, byte> open = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Calls connected on this node and not yet ended (including those still reaching the database).</summary>
    public int OpenCalls => open.Count;

    public CallSession? Find(Guid callId) => calls.GetValueOrDefault(callId);

    /// <summary>The call of a conversation when this node holds its media; null for a chat or a call on another node.</summary>
    public CallSession? FindByConversation(Guid conversationId) => open.Keys.FirstOrDefault(s => s.ConversationId == conversationId);

    public IReadOnlyCollection<CallSession> Calls => [.. open.Keys];

    public string RecordingsDirectory => Path.Combine(minwon.Value.ResolvedDataDir, "recordings");

    /// <summary>
    /// A caller's audio connected: the bridge starts ticking and the notice plays before anything touches the
    /// database, so it is heard within a frame or two whatever the database is doing.
    /// </summary>
    public CallSession Open(string transport, MediaLeg caller, Func<string, Task> hangUpTransport)
    {
        var bridge = new CallBridge(Guid.NewGuid(), caller.SampleRate);
        var speaker = new SpeakerLeg(caller.SampleRate);
        var session = new CallSession(transport, bridge, caller, speaker, hangUpTransport);
        bridge.Add(caller);
        bridge.Add(speaker);
        session.NoticePlayed = PlayNoticeAsync(speaker, caller.SampleRate);
        open[session] = 0;
        clock.Register(bridge);
        return session;
    }

    // Completes synchronously up to Play when the prompt is warm (the usual case), so the notice is queued before
    // Open returns and the caller's first frames already carry it.
    private async Task<bool> PlayNoticeAsync(SpeakerLeg speaker, int sampleRate) =>
        await speaker.Play(await prompts.GetAsync(PromptLibrary.RecordingNotice, sampleRate, stopping.Token), PromptLibrary.RecordingNotice);

    /// <summary>Files the connected call (conversation queued, or an echo check) and runs it until it ends.</summary>
    public async Task StartAsync(CallSession session, string externalId, string? from, string? to, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var started = await scope.ServiceProvider.GetRequiredService<CallRecords>().ConnectAsync(session.Transport, externalId, from, to, cancellationToken);
            session.CallId = started.CallId;
            session.ConversationId = started.ConversationId;
            session.Echo = started.Echo;
            session.Callbot = started.Callbot;
            calls[started.CallId] = session;
            session.Filed.TrySetResult();
            LogConnected(session.CallId, session.Transport, session.Caller.SampleRate);
        }
        catch (InvalidOperationException)
        {
            session.Filed.TrySetResult();
            LogDuplicate(session.Transport);
            await HangUpAsync(session, "duplicate-connection", fromCaller: false);
            return;
        }
        catch (Exception ex)
        {
            session.Filed.TrySetResult();
            LogRunFailed(ex, session.CallId);
            await HangUpAsync(session, "error", fromCaller: false);
            return;
        }

        _ = Task.Run(() => RunAsync(session), CancellationToken.None);
    }

    private async Task RunAsync(CallSession session)
    {
        try
        {
            await session.NoticePlayed.WaitAsync(stopping.Token);
            if (session.Ended.IsCompleted)
            {
                return;
            }

            await StartRecorderAsync(session);
            if (session.Echo)
            {
                session.Bridge.Add(new EchoLeg(session.Caller));
                return;
            }

            foreach (var observer in observers)
            {
                observer.CallStarted(session);
            }

            var music = prompts.HoldMusicAt(session.Bridge.SampleRate);
            TimeSpan? lastAnnouncement = null;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var offeredCallback = false;
            while (!session.Ended.IsCompleted && !stopping.IsCancellationRequested)
            {
                QueueInfo? info;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    info = await scope.ServiceProvider.GetRequiredService<CallRecords>().QueueInfoAsync(session.CallId, stopping.Token);
                }

                if (info is null || session.Ended.IsCompleted)
                {
                    break;
                }

                switch (info.Status)
                {
                    case ConversationStatus.Queued or ConversationStatus.Offered:
                        session.Speaker.Loop(session.Agent is null || session.Holding ? music : null);
                        if ((lastAnnouncement is null || watch.Elapsed - lastAnnouncement >= TimeSpan.FromSeconds(options.Value.PositionIntervalSeconds))
                            && !session.Speaker.IsPlaying)
                        {
                            lastAnnouncement = watch.Elapsed;
                            session.Raise(new CallEvent("queue", "waiting", Position: info.Position, ExpectedWaitSeconds: info.ExpectedWaitSeconds));
                            await AnnouncePositionAsync(session, info);
                            if (!offeredCallback && info.ExpectedWaitSeconds >= options.Value.CallbackOfferSeconds)
                            {
                                offeredCallback = true;
                                session.AwaitingCallbackKey = true;
                                Caption(session, PromptLibrary.CallbackOffer);
                                _ = session.Speaker.Play(await prompts.GetAsync(PromptLibrary.CallbackOffer, session.Bridge.SampleRate, stopping.Token),
                                    PromptLibrary.CallbackOffer);
                            }
                        }

                        break;
                    case ConversationStatus.Assigned:
                        session.AwaitingCallbackKey = false;
                        session.Speaker.Loop(session.Agent is null || session.Holding ? music : null);
                        break;
                    case ConversationStatus.Closed when session.Callbot:
                        // The callbot booked a callback (New to Closed) and ends the call itself after saying so.
                        break;
                    case ConversationStatus.WrapUp or ConversationStatus.Closed or ConversationStatus.Abandoned:
                        // The counsellor hung up (or ended the conversation) from the desk.
                        await SayGoodbyeAndHangUpAsync(session, "agent-hangup");
                        return;
                }

                await Task.WhenAny(session.Ended, Task.Delay(TimeSpan.FromSeconds(1), stopping.Token));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, session.CallId);
        }
    }

    private async Task AnnouncePositionAsync(CallSession session, QueueInfo info)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(info.ExpectedWaitSeconds / 60.0));
        var spoken = await prompts.SpeakAsync($"현재 대기 순번은 {info.Position}번째이며, 예상 대기 시간은 약 {minutes}분입니다.",
            session.Bridge.SampleRate, stopping.Token);
        var samples = spoken ?? await prompts.GetAsync(PromptLibrary.PleaseWait, session.Bridge.SampleRate, stopping.Token);
        _ = session.Speaker.Play(samples, "position");
    }

    private async Task StartRecorderAsync(CallSession session)
    {
        Directory.CreateDirectory(RecordingsDirectory);
        var key = RecordingFile.NewKey();
        var protectedKey = Convert.ToBase64String(protection.CreateProtector(RecordingKeyPurpose).Protect(key));
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CallRecords>()
            .StartRecordingAsync(session.CallId, session.ConversationId, protectedKey, session.Bridge.SampleRate, stopping.Token);
        var tap = new RecorderTap(row.Id, Path.Combine(RecordingsDirectory, row.FileName), key, session.Bridge.SampleRate, logger);
        session.Recorder = tap;
        if (session.Ended.IsCompleted)
        {
            await tap.DisposeAsync();
            return;
        }

        session.Bridge.AddTap(tap);
    }

    /// <summary>A keypad digit from the caller.</summary>
    public void OnDtmf(CallSession session, char digit)
    {
        session.Bridge.RaiseDtmf(digit);
        session.Raise(new CallEvent("dtmf", Digit: digit.ToString()));
        if (session.AwaitingCallbackKey && digit == '1')
        {
            session.AwaitingCallbackKey = false;
            _ = Task.Run(() => BookCallbackAsync(session));
        }
    }

    private async Task BookCallbackAsync(CallSession session)
    {
        try
        {
            session.Speaker.Stop();
            string? receipt;
            await using (var scope = scopes.CreateAsyncScope())
            {
                receipt = await scope.ServiceProvider.GetRequiredService<CallRecords>().BookCallbackAsync(session.CallId, stopping.Token);
            }

            if (receipt is null)
            {
                return;
            }

            LogCallback(session.CallId);
            session.Speaker.Loop(null);
            Caption(session, PromptLibrary.CallbackBooked);
            await session.Speaker.Play(await prompts.GetAsync(PromptLibrary.CallbackBooked, session.Bridge.SampleRate, stopping.Token),
                PromptLibrary.CallbackBooked);
            await HangUpAsync(session, "callback-booked", fromCaller: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(ex, session.CallId);
        }
    }

    internal async Task SayGoodbyeAndHangUpAsync(CallSession session, string cause)
    {
        if (session.IsEnding)
        {
            await session.Ended;
            return;
        }

        session.Speaker.Stop();
        session.Speaker.Loop(null);
        Caption(session, PromptLibrary.Goodbye);
        var goodbye = session.Speaker.Play(await prompts.GetAsync(PromptLibrary.Goodbye, session.Bridge.SampleRate, stopping.Token), PromptLibrary.Goodbye);
        // The caller may hang up meanwhile: then the prompt is stopped, or never finishes on a stopped bridge.
        await Task.WhenAny(goodbye, session.Ended, Task.Delay(TimeSpan.FromSeconds(10), stopping.Token));
        await HangUpAsync(session, cause, fromCaller: false);
    }

    /// <summary>A staff member's browser joins the call.</summary>
    public void Attach(CallSession session, MediaLeg leg)
    {
        switch (leg.Role)
        {
            case LegRole.Agent:
                if (session.Agent is { } old)
                {
                    session.Bridge.Remove(old);
                }

                session.Agent = leg;
                if (!session.Holding)
                {
                    session.Speaker.Loop(null);
                    session.Raise(new CallEvent("state", "talking"));
                }

                break;
            case LegRole.Consult:
                if (session.Consult is { } oldConsult)
                {
                    session.Bridge.Remove(oldConsult);
                }

                session.Consult = leg;
                break;
            default:
                if (session.Monitor is { } oldMonitor)
                {
                    session.Bridge.Remove(oldMonitor);
                }

                session.Monitor = leg;
                break;
        }

        session.Bridge.Add(leg);
    }

    public void Detach(CallSession session, MediaLeg leg)
    {
        session.Bridge.Remove(leg);
        if (session.Agent == leg)
        {
            session.Agent = null;
        }

        if (session.Consult == leg)
        {
            session.Consult = null;
        }

        if (session.Monitor == leg)
        {
            session.Monitor = null;
        }
    }

    public void SetHold(CallSession session, bool on)
    {
        session.Holding = on;
        session.Bridge.Held = on;
        session.Speaker.Loop(on || session.Agent is null ? prompts.HoldMusicAt(session.Bridge.SampleRate) : null);
        session.Raise(new CallEvent("state", on ? "held" : "talking"));
    }

    /// <summary>Plays keypad tones to the caller (an IVR or extension on the other side); only the caller hears them.</summary>
    public void SendDtmf(CallSession session, string digits)
    {
        foreach (var digit in digits)
        {
            _ = session.Speaker.Play([.. Dtmf.Tone(digit, session.Bridge.SampleRate, 100), .. new short[session.Bridge.SampleRate / 20]], "dtmf");
        }
    }

    public async Task PlayAsync(CallSession session, string prompt)
    {
        Caption(session, prompt);
        await session.Speaker.Play(await prompts.GetAsync(prompt, session.Bridge.SampleRate, stopping.Token), prompt);
    }

    /// <summary>Tells the browser legs what the line starts saying (the web-call page shows it as a caption).</summary>
    private static void Caption(CallSession session, string prompt) =>
        session.Raise(new CallEvent("prompt", Prompt: prompt, Text: PromptLibrary.Texts.GetValueOrDefault(prompt)));

    /// <summary>
    /// Ends a call once: the transport hangs up the caller (unless the caller did), the bridge stops, the recording
    /// is finished and the records are updated. Safe to call from any side at any time.
    /// </summary>
    public async Task HangUpAsync(CallSession session, string cause, bool fromCaller)
    {
        if (!session.TryBeginEnding())
        {
            await session.Ended;
            return;
        }

        try
        {
            session.Raise(new CallEvent("ended", "ended", Cause: cause));
            if (!fromCaller)
            {
                try
                {
                    await session.HangUpTransport(cause).WaitAsync(TimeSpan.FromSeconds(2));
                }
                catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException or OperationCanceledException
                    or System.Net.WebSockets.WebSocketException or System.Net.Sockets.SocketException)
                {
                    LogTransportGone(session.CallId);
                }
            }

            clock.Unregister(session.Bridge);
            var jitter = session.Caller.JitterStats;
            LogMedia(session.CallId, jitter.Received, jitter.Played, jitter.Late, jitter.Duplicates, jitter.Overflow, jitter.Trimmed,
                jitter.Concealed, jitter.Lost, session.Caller.Sent, session.Caller.OutboundDropped, session.Recorder?.DroppedChunks ?? 0);
            session.Speaker.Stop();
            foreach (var leg in session.Bridge.Legs)
            {
                session.Bridge.Remove(leg);
            }

            if (session.Recorder is { } recorder)
            {
                await recorder.DisposeAsync();
            }

            if (!session.Echo)
            {
                foreach (var observer in observers)
                {
                    observer.CallEnded(session);
                }
            }

            // A caller who hangs up during the first milliseconds still gets a record: wait for it to be filed.
            await session.Filed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (session.CallId != Guid.Empty)
            {
                await using var scope = scopes.CreateAsyncScope();
                var records = scope.ServiceProvider.GetRequiredService<CallRecords>();
                if (session.Recorder is { } r)
                {
                    await records.FinishRecordingAsync(r.RecordingId, r.Samples * 1000 / r.SampleRate, CancellationToken.None);
                }

                await records.EndAsync(session.CallId, cause, CancellationToken.None);
                LogEnded(session.CallId, cause);
            }
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, session.CallId);
        }
        finally
        {
            calls.TryRemove(session.CallId, out _);
            open.TryRemove(session, out _);
            session.MarkEnded(cause);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Warm the fixed prompts, so the first caller's notice does not wait for speech synthesis.
        _ = Task.Run(async () =>
        {
            foreach (var name in PromptLibrary.Texts.Keys)
            {
                foreach (var rate in new[] { 8000, 16000 })
                {
                    try
                    {
                        await prompts.GetAsync(name, rate, stopping.Token);
                    }
                    catch (Exception ex) when (ex is IOException or FormatException)
                    {
                        LogPromptMissing(ex, name);
                    }
                }
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Graceful shutdown: every caller gets a clean hang-up (AudioSocket 0x00, stream closed) and every record its end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(open.Keys.Select(s => HangUpAsync(s, "shutdown", fromCaller: false)));
        await stopping.CancelAsync();
    }

    public DateTimeOffset Now => time.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} connected over {Transport} at {SampleRate} Hz")]
    private partial void LogConnected(Guid callId, string transport, int sampleRate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} ended: {Cause}")]
    private partial void LogEnded(Guid callId, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} media: caller frames received {Received} played {Played} late {Late} duplicate {Duplicates} overflow {Overflow} trimmed {Trimmed} concealed {Concealed} lost {Lost}; sent {Sent} outbound dropped {OutboundDropped}; recording chunks dropped {RecordingDropped}")]
    private partial void LogMedia(Guid callId, long received, long played, long late, long duplicates, long overflow, long trimmed,
        long concealed, long lost, long sent, long outboundDropped, long recordingDropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: the caller booked a callback")]
    private partial void LogCallback(Guid callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Transport} connection repeated the id of a call that already connected; hung up")]
    private partial void LogDuplicate(string transport);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: the caller's connection was already gone at hang-up")]
    private partial void LogTransportGone(Guid callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: call handling failed")]
    private partial void LogRunFailed(Exception exception, Guid callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Prompt {Prompt} could not be loaded")]
    private partial void LogPromptMissing(Exception exception, string prompt);
}
