using System.Net;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Speech;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;
using Microsoft.Extensions.DependencyInjection;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// On a call, the counsellor's protection warning is also played to the caller as a recorded announcement (the
/// warning script through the TTS seam, espeak-ng here), besides the written line. The abusive line comes through the
/// pushed-transcript engine, the named seam to an outside STT system.
/// </summary>
public sealed class ProtectionAnnouncementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_warning_on_a_call_is_played_to_the_caller_as_a_recorded_announcement()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): no announcement can be synthesised");
        await using var app = await SpeechTestKit.PushedAsync();
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        var probe = await CallbotProbe.AttachAsync(app, call.Id);

        using (var response = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "씨발 일 똑바로 안해?" }))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
        }

        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == call.ConversationId)))
            .SingleOrDefault() is { AbusiveMessages: 1 }, "the protection incident of the spoken line");
        var heardBefore = caller.Elapsed;
        using (var warned = await counsellor.PostAsync($"/api/conversations/{call.ConversationId}/warnings"))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, warned);
        }

        var script = app.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value.WarningScripts[0];
        Assert.Equal(script, await probe.StartedAsync(ProtectionAnnouncer.PromptPrefix + "1"));
        Assert.True(await probe.FinishedAsync(ProtectionAnnouncer.PromptPrefix + "1"), "the announcement played to its end");
        var speech = await app.Services.GetRequiredService<Minwon.Server.Features.Voice.Speech.PromptLibrary>().SpeakAsync(script, 8000, Ct);
        Assert.NotNull(speech);
        await VoiceTestKit.HearsAsync(() => caller.AudioBetween(heardBefore, caller.Elapsed), speech, 8000, "the caller hears the warning");
    }
}
