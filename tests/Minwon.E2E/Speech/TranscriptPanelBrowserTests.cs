using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using Minwon.E2E.Voice;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Speech;

/// <summary>
/// The desk's live transcript panel in a real browser: a citizen's web call (Chromium with a fake microphone) answered
/// on the softphone, then final segments pushed through the pushed-transcript engine, the named seam to an outside STT
/// system (here the test posts what such a system would), appear on the desk masked, by speaker, with the assistant's
/// article suggestion fed by the citizen's line; a partial line shows while it is spoken.
/// </summary>
public sealed class TranscriptPanelBrowserTests(E2EFixture fixture)
{
    private const string PushKey = "e2e-outside-stt-key";

    [Fact]
    public async Task Pushed_segments_appear_on_the_desk_masked_by_speaker_with_the_assistants_suggestion()
    {
        fixture.RequireBrowser();
        var dir = Directory.CreateTempSubdirectory("minwon-transcript-e2e-").FullName;
        var citizenWav = CallAudio.SpeechWav("여보세요.", dir, "citizen", pitch: 40);
        var counsellorWav = CallAudio.SpeechWav("네, 120 다산콜센터입니다.", dir, "counsellor", pitch: 75);
        Assert.SkipWhen(citizenWav is null || counsellorWav is null, CallAudio.NoEspeak);

        await using var server = await MinwonServer.StartAsync(["--Minwon:Speech:Engine=pushed", $"--Minwon:Speech:PushApiKey={PushKey}"],
            TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithMicrophoneAsync(citizenWav!);
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await using var counsellorBrowser = await fixture.LaunchWithMicrophoneAsync(counsellorWav!);
        await using var staff = await fixture.StaffAsync(server.BaseUrl, on: counsellorBrowser);
        var citizen = await phone.NewPageAsync();
        var desk = new StaffDesk(await staff.NewPageAsync());
        var problems = new List<string>();
        foreach (var page in new[] { citizen, desk.Page })
        {
            page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        }

        await desk.SignInAsync("counsellor1", "minwon-demo-1");
        await desk.GoAvailableAsync();
        await citizen.GotoAsync("/call");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "통화 시작" }).ClickAsync();
        var ringing = desk.Page.Locator(".softphone .ringing");
        await Expect(ringing).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await desk.Page.Locator("#answer-call").ClickAsync();
        await Expect(desk.Page.Locator("#call-state")).ToHaveTextAsync("통화 중");

        var panel = desk.Page.Locator("#transcript");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(desk.Page.Locator("#transcript-status")).ToHaveTextAsync("실시간", new() { Timeout = 30_000 });

        // The outside STT system learns the call's id from the PBX; here from the staff API with the desk's session.
        var calls = await desk.Page.Context.APIRequest.GetAsync(new Uri(server.BaseUrl, "/api/voice/calls").ToString());
        Assert.True(calls.Ok, $"GET /api/voice/calls: {calls.Status}");
        var callId = (await calls.JsonAsync())!.Value.EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).First(id => id is not null)!;

        // A partial line while the citizen speaks, then the final lines of both speakers.
        await PushAsync(desk.Page, server.BaseUrl, callId, new { speaker = "citizen", text = "집 앞 가로등이", final = false });
        await Expect(desk.Page.Locator("#transcript-partial")).ToContainTextAsync("집 앞 가로등이");
        await PushAsync(desk.Page, server.BaseUrl, callId, new
        {
            speaker = "citizen", text = "집 앞 가로등이 꺼져 있어요. 제 번호는 010-4567-8910이에요", final = true, startMs = 1200, endMs = 4800, segmentId = "e2e-1",
        });
        await PushAsync(desk.Page, server.BaseUrl, callId, new
        {
            speaker = "counsellor", text = "네, 가로등 관리번호를 불러 주시겠어요?", final = true, startMs = 5200, endMs = 7000, segmentId = "e2e-2",
        });

        var citizenLine = panel.Locator("li.citizen").First;
        await Expect(citizenLine).ToContainTextAsync("가로등이 꺼져 있어요");
        await Expect(citizenLine.Locator(".who")).ToHaveTextAsync("시민");
        await Expect(citizenLine).Not.ToContainTextAsync("4567-8910");
        await Expect(panel.Locator("li.counsellor").First).ToContainTextAsync("관리번호를 불러 주시겠어요");
        await Expect(panel.Locator("li.counsellor .who").First).ToHaveTextAsync("상담사");
        await Expect(desk.Page.Locator("#transcript-partial")).ToHaveCountAsync(0);

        // The citizen's spoken line feeds the assistant as a typed one would.
        await Expect(desk.Page.Locator(".assistant .suggestion[data-article='road-002']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await E2EFixture.ScreenshotAsync(desk.Page, "desk-transcript-panel");
        Assert.Empty(problems);
    }

    private static async Task PushAsync(IPage page, Uri baseUrl, string callId, object segment)
    {
        var response = await page.Context.APIRequest.PostAsync(new Uri(baseUrl, $"/api/speech/calls/{callId}/segments").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = PushKey },
            DataObject = segment,
        });
        Assert.True(response.Status is 201 or 202, $"push answered {response.Status}: {await response.TextAsync()}");
    }
}
