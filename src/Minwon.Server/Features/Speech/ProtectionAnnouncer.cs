using System.Globalization;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// On a call, a protection warning the counsellor gives (the desk's warning button, <c>POST
/// /api/conversations/{id}/warnings</c>) is also played to the caller as a recorded announcement: the warning script,
/// synthesised once through the TTS seam and kept in its cache (a fixed phrase), on the call's speaker leg, on the node
/// that holds the call. The written script stays in the conversation as before. Nothing fails the warning: no TTS, a
/// call already ended or held on another node only means no announcement (logged).
/// </summary>
public sealed partial class ProtectionAnnouncer(LiveBus bus, CallManager calls, PromptLibrary prompts,
    IOptions<ProtectionOptions> options, IHostApplicationLifetime lifetime, ILogger<ProtectionAnnouncer> logger) : IHostedService
{
    public const string PromptPrefix = "protection:warning-";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Published += OnEventAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.Published -= OnEventAsync;
        return Task.CompletedTask;
    }

    private Task OnEventAsync(LiveEvent e)
    {
        if (e is ProtectionAlert { WarningNumber: { } number } alert)
        {
            _ = Task.Run(() => AnnounceAsync(alert.ConversationId, number, lifetime.ApplicationStopping));
        }

        return Task.CompletedTask;
    }

    private async Task AnnounceAsync(Guid conversationId, int number, CancellationToken ct)
    {
        try
        {
            var scripts = options.Value.WarningScripts;
            if (number < 1 || number > scripts.Length)
            {
                return;
            }

            if (calls.FindByConversation(conversationId) is not { } session)
            {
                return; // not a call, or a call held by another node (that node plays it)
            }

            var id = session.CallId;

            var text = scripts[number - 1];
            var samples = await prompts.SpeakAsync(text, session.Bridge.SampleRate, ct);
            if (samples is null)
            {
                LogNoVoice(logger, id);
                return;
            }

            var name = PromptPrefix + number.ToString(CultureInfo.InvariantCulture);
            session.Raise(new CallEvent("prompt", Prompt: name, Text: text));
            await session.Speaker.Play(samples, name);
            LogAnnounced(logger, id, number);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: protection warning {Number} played to the caller")]
    private static partial void LogAnnounced(ILogger logger, Guid callId, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no text-to-speech engine spoke; the protection warning was only written")]
    private static partial void LogNoVoice(ILogger logger, Guid callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation {ConversationId}: the protection warning could not be played")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid conversationId);
}
