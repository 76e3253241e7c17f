using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>
/// Starts a <see cref="CallbotDialog"/> on each call the schedule gave to the callbot (the conversation then waits in
/// status New, not in a queue) once its media starts, as a leg on the bridge: its voice is the call's speaker, its
/// ears a <see cref="BargeInTap"/> on the caller's leg, the keypad and, with a speech engine, the caller's transcript
/// lines (<see cref="Heard"/>, from <see cref="TranscriptWriter"/> and pushes). Without an engine: keys only.
/// </summary>
public sealed partial class CallbotSessions(IOptions<CallbotOptions> options, IOptions<SpeechOptions> speech, PromptLibrary prompts,
    IServiceScopeFactory scopes, IServiceProvider services, ILogger<CallbotSessions> logger) : ICallObserver
{
    private readonly ConcurrentDictionary<Guid, Running> byConversation = new();

    /// <summary>True when calls are understood by voice too (an engine is configured); false: keypad only.</summary>
    public bool Listens => speech.Value.Transcribes;

    public CallbotDialog? Find(Guid conversationId) => byConversation.TryGetValue(conversationId, out var r) ? r.Dialog : null;

    public void CallStarted(CallSession session)
    {
        if (!session.Callbot || session.ConversationId is not { } conversationId)
        {
            return;
        }

        var dialog = new CallbotDialog(session, conversationId, options.Value, Listens, prompts, scopes, services, logger);
        var stop = new CancellationTokenSource();
        Action<char> digit = dialog.OnDigit;
        var tap = Listens ? new BargeInTap(session.Bridge.SampleRate, dialog.OnSpeechStarted, () => { }) : null;
        var running = new Running(dialog, stop, tap, digit);
        byConversation[conversationId] = running;
        session.Bridge.DtmfReceived += digit;
        if (tap is not null)
        {
            session.Bridge.AddTap(tap);
        }

        LogStarted(session.CallId, Listens);
        _ = Task.Run(async () =>
        {
            try
            {
                await dialog.RunAsync(stop.Token);
            }
            finally
            {
                Finish(session, conversationId);
            }
        }, CancellationToken.None);
    }

    public void CallEnded(CallSession session)
    {
        if (session.ConversationId is { } id)
        {
            Finish(session, id);
        }
    }

    /// <summary>A final line the caller said (masked, as stored).</summary>
    public void Heard(Guid conversationId, string text)
    {
        if (byConversation.TryGetValue(conversationId, out var r))
        {
            r.Dialog.OnHeard(text);
        }
    }

    /// <summary>The caller is speaking (a pushing system's partial line): barge-in.</summary>
    public void Speaking(Guid conversationId)
    {
        if (byConversation.TryGetValue(conversationId, out var r))
        {
            r.Dialog.OnSpeechStarted();
        }
    }

    private void Finish(CallSession session, Guid conversationId)
    {
        if (!byConversation.TryRemove(conversationId, out var r))
        {
            return;
        }

        session.Bridge.DtmfReceived -= r.Digit;
        if (r.Tap is not null)
        {
            session.Bridge.RemoveTap(r.Tap);
        }

        // Not disposed: the dialog may still be unwinding on this token.
        r.Stop.Cancel();
    }

    private sealed record Running(CallbotDialog Dialog, CancellationTokenSource Stop, BargeInTap? Tap, Action<char> Digit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: the callbot answers (speech {Listens})")]
    private partial void LogStarted(Guid callId, bool listens);
}
