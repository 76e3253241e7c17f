using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>What the line said to a caller: each prompt the callbot started (name, caption text) and how it ended (played or stopped).</summary>
public sealed class CallbotProbe
{
    public ConcurrentQueue<(string Name, string Text)> Started { get; } = new();

    public ConcurrentQueue<(string Name, bool Played)> Finished { get; } = new();

    public CallSession Session { get; private init; } = null!;

    /// <summary>Listens on a call from the moment it is filed (the callbot starts after the recording notice).</summary>
    public static async Task<CallbotProbe> AttachAsync(MinwonApp app, Guid callId)
    {
        var manager = app.Services.GetRequiredService<CallManager>();
        await VoiceTestKit.UntilAsync(() => manager.Find(callId) is not null, "the call to be filed");
        var probe = new CallbotProbe { Session = manager.Find(callId)! };
        probe.Session.Changed += e =>
        {
            if (e is { Type: "prompt", Prompt: { } name })
            {
                probe.Started.Enqueue((name, e.Text ?? ""));
            }
        };
        probe.Session.Speaker.PromptFinished += (name, played) => probe.Finished.Enqueue((name, played));
        return probe;
    }

    /// <summary>Waits for the <paramref name="nth"/> start (1-based) of a prompt and returns its caption.</summary>
    public async Task<string> StartedAsync(string name, int nth = 1, double seconds = 60)
    {
        await VoiceTestKit.UntilAsync(() => Started.Count(p => p.Name == name) >= nth,
            $"prompt {name} #{nth} (started so far: {string.Join(", ", Started.Select(p => p.Name))})", seconds);
        return Started.Where(p => p.Name == name).ElementAt(nth - 1).Text;
    }

    public async Task<bool> FinishedAsync(string name, int nth = 1, double seconds = 60)
    {
        await VoiceTestKit.UntilAsync(() => Finished.Count(p => p.Name == name) >= nth,
            $"prompt {name} #{nth} to end (ended so far: {string.Join(", ", Finished.Select(p => p.Name + (p.Played ? "" : " (stopped)")))})", seconds);
        return Finished.Where(p => p.Name == name).ElementAt(nth - 1).Played;
    }
}
