using Microsoft.Playwright;
using Minwon.Core.Voice;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Voice;

public sealed class WebCallSpikeTests(E2EFixture fixture)
{
    [Fact]
    public async Task Spike_citizen_hears_the_notice()
    {
        fixture.RequireBrowser();
        var dir = Directory.CreateTempSubdirectory("minwon-voice-").FullName;
        var wav = CallAudio.SpeechWav("여권 재발급은 어디서 하나요?", dir, "citizen");
        Assert.SkipWhen(wav is null, CallAudio.NoEspeak);
        await using var browser = await fixture.LaunchWithMicrophoneAsync(wav!);
        await using var context = await fixture.CitizenAsync(on: browser);
        var page = await context.NewPageAsync();
        var logs = new List<string>();
        page.Console += (_, m) => logs.Add(m.Text);
        page.PageError += (_, e) => logs.Add("ERROR " + e);
        await page.GotoAsync("/call");
        await page.GetByRole(AriaRole.Button, new() { Name = "통화 시작" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("녹음 안내 중|상담사 연결"));
        await CallAudio.StartRecordingAsync(page);
        await page.WaitForTimeoutAsync(3000);
        var heard = await CallAudio.StopRecordingAsync(page);
        var stats = await page.EvaluateAsync<string>("async () => JSON.stringify(await MinwonVoice.active[0].stats())");
        Assert.Fail($"heard {heard.Length} samples at {Pcm.Dbfs(heard):F1} dBFS; stats {stats}; logs {string.Join(" | ", logs)}; server {fixture.Server.LogTail[^Math.Min(3000, fixture.Server.LogTail.Length)..]}");
    }
}
