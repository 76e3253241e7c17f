using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Recording;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// A live call on this node: its bridge and legs, the transport's way to hang up the caller, and what the call is
/// waiting for. Created by a transport when the caller connects; owned by <see cref="CallManager"/>.
/// </summary>
public sealed class CallSession
{
    private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int ending;

    internal CallSession(string transport, CallBridge bridge, MediaLeg caller, SpeakerLeg speaker, Func<string, Task> hangUpTransport)
    {
        Transport = transport;
        Bridge = bridge;
        Caller = caller;
        Speaker = speaker;
        HangUpTransport = hangUpTransport;
    }

    public string Transport { get; }

    /// <summary>The call record's id, known once the connection is in the database.</summary>
    public Guid CallId { get; internal set; }

    public Guid? ConversationId { get; internal set; }

    public bool Echo { get; internal set; }

    /// <summary>The callbot answers this call first (its conversation waits in status New until the bot hands it off).</summary>
    public bool Callbot { get; internal set; }

    /// <summary>A web call: the language of the citizen's page ("ko", "en"), when it said; the callbot speaks it.</summary>
    public string? PageLanguage { get; internal set; }

    public CallBridge Bridge { get; }

    public MediaLeg Caller { get; }

    /// <summary>Prompts, announcements and hold music to the caller; the callbot's voice later.</summary>
    public SpeakerLeg Speaker { get; }

    public MediaLeg? Agent { get; internal set; }

    public MediaLeg? Consult { get; internal set; }

    public MediaLeg? Monitor { get; internal set; }

    public RecorderTap? Recorder { get; internal set; }

    internal Func<string, Task> HangUpTransport { get; }

    /// <summary>Completes when the connection has been filed in the database (or failed to be).</summary>
    internal TaskCompletionSource Filed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task<bool> NoticePlayed { get; set; } = Task.FromResult(true);

    internal bool AwaitingCallbackKey { get; set; }

    internal bool Holding { get; set; }

    /// <summary>Completes with the hang-up cause when the call is over.</summary>
    public Task<string> Ended => ended.Task;

    /// <summary>Control messages for the browser legs (state changes, digits); raised on any thread.</summary>
    public event Action<CallEvent>? Changed;

    internal void Raise(CallEvent e) => Changed?.Invoke(e);

    internal bool TryBeginEnding() => Interlocked.Exchange(ref ending, 1) == 0;

    /// <summary>Hang-up has begun (from any side).</summary>
    public bool IsEnding => Volatile.Read(ref ending) == 1;

    internal void MarkEnded(string cause) => ended.TrySetResult(cause);
}

/// <summary>
/// A control message to the browser legs: {"type":"state","state":"held"}, {"type":"dtmf","digit":"1"},
/// {"type":"prompt","prompt":"callback-offer","text":"…"} (what the line starts saying, for captions), ...
/// </summary>
public sealed record CallEvent(string Type, string? State = null, string? Digit = null, string? Cause = null, int? Position = null,
    int? ExpectedWaitSeconds = null, string? Prompt = null, string? Text = null);
