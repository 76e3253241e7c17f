using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Speech;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>Apps with a speech engine configured, and a call answered by a counsellor to transcribe.</summary>
public static class SpeechTestKit
{
    public const string PushKey = "test-stt-push-key-120";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<MinwonApp> PushedAsync(Db db = Db.Sqlite) => VoiceTestKit.StartAsync(db,
        ("Minwon:Speech:Engine", "pushed"), ("Minwon:Speech:PushApiKey", PushKey));

    /// <summary>An announced AudioSocket call, queued, routed and answered by <paramref name="counsellor"/>.</summary>
    public static async Task<(AudioSocketTestClient Caller, Call Call)> AnsweredCallAsync(this MinwonApp app, StaffMember counsellor,
        string? from = "010-2222-3333")
    {
        await counsellor.GoAvailableAsync();
        var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, from);
        await caller.ConnectAsync(await app.AudioSocketAsync());
        Call call = null!;
        await VoiceTestKit.UntilAsync(async () => (call = (await app.FindCallAsync(c => c.Id == announced.CallId))!)?.ConversationId is not null,
            "the call to queue");
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        await counsellor.AnswerAsync(call.Id);
        return (caller, await app.CallAsync(c => c.Id == call.Id));
    }

    /// <summary>Waits until the transcriber listens on the call (after the recording notice, once the recorder runs).</summary>
    public static Task TranscribingAsync(this MinwonApp app, Guid callId) =>
        VoiceTestKit.UntilAsync(() => app.Services.GetRequiredService<CallManager>().Find(callId) is { } session
            && app.Services.GetRequiredService<CallTranscription>().Find(session) is not null, "the transcriber to join the call", 30);

    public static async Task<HttpResponseMessage> PushAsync(this MinwonApp app, string call, object body, string? key = PushKey)
    {
        using var http = app.CreateClient();
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return await http.PostAsJsonAsync($"/api/speech/calls/{call}/segments", body, Ct);
    }
}
