using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// Puts a <see cref="CallTranscriber"/> on every call of this node when an engine that takes audio is configured
/// (whisper, openai); with "pushed" the outside system listens on its own and only the desk status is kept.
/// </summary>
public sealed partial class CallTranscription(IOptions<SpeechOptions> options, IServiceProvider services, IServiceScopeFactory scopes,
    TranscriptBoard board, ILogger<CallTranscription> logger) : ICallObserver
{
    private readonly ConcurrentDictionary<CallSession, CallTranscriber> running = new();
    private readonly SemaphoreSlim gate = new(Math.Max(1, options.Value.MaxConcurrent));

    /// <summary>The engine that takes audio, or null ("none", "pushed").</summary>
    public ISpeechToText? Engine => options.Value.Engine switch
    {
        "whisper" => services.GetRequiredService<WhisperSpeechToText>(),
        "openai" => services.GetRequiredService<OpenAiSpeechToText>(),
        _ => null,
    };

    public CallTranscriber? Find(CallSession session) => running.GetValueOrDefault(session);

    public void CallStarted(CallSession session)
    {
        if (session.ConversationId is not { } conversationId || !options.Value.Transcribes)
        {
            return;
        }

        _ = board.SetAsync(conversationId, TranscriptBoard.Live);
        if (Engine is not { } engine)
        {
            return;
        }

        var transcriber = new CallTranscriber(session, conversationId, engine, options.Value, gate, scopes, board, logger);
        running[session] = transcriber;
        session.Bridge.AddTap(transcriber);
        LogStarted(session.CallId, engine.Name);
    }

    public void CallEnded(CallSession session)
    {
        if (running.TryRemove(session, out var transcriber))
        {
            session.Bridge.RemoveTap(transcriber);
            _ = FinishAsync(session, transcriber);
        }
        else if (session.ConversationId is { } id)
        {
            _ = board.EndAsync(id);
        }
    }

    private async Task FinishAsync(CallSession session, CallTranscriber transcriber)
    {
        try
        {
            await transcriber.Completion;
        }
        finally
        {
            await board.EndAsync(session.ConversationId!.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: transcribing with {Engine}")]
    private partial void LogStarted(Guid callId, string engine);
}
