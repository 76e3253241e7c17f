using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using Minwon.Server.Tests.Voice;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Voice;

/// <summary>
/// The callbot on a citizen's web call in a real browser (fake microphone): the page's keypad walks the spoken menu to
/// an info page and on to a counsellor, a key cuts the menu (the next menu is heard at once, where the cut one would
/// have gone on for seconds), and the counsellor's desk shows where the caller went and what the bot told them.
/// </summary>
public sealed class CallbotBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_keypad_walks_the_spoken_menu_a_key_cuts_a_prompt_and_the_desk_shows_the_callbot_context()
    {
        fixture.RequireBrowser();
        var dir = Directory.CreateTempSubdirectory("minwon-callbot-e2e-").FullName;
        var citizenWav = CallAudio.SpeechWav("네, 알겠습니다.", dir, "citizen", pitch: 40);
        var counsellorWav = CallAudio.SpeechWav("네, 120 다산콜센터입니다.", dir, "counsellor", pitch: 75);
        Assert.SkipWhen(citizenWav is null || counsellorWav is null, CallAudio.NoEspeak);

        await using var server = await MinwonServer.StartAsync(["--Minwon:Callbot:Enabled=true", "--Minwon:Callbot:NoInputSeconds=40"],
            TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithMicrophoneAsync(citizenWav!);
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        // The softphone needs a microphone too (it opens its media socket only with one).
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
        try
        {
            await citizen.GotoAsync("/call");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "통화 시작" }).ClickAsync();
            var caption = citizen.Locator("#caption");
            await Expect(caption).ToContainTextAsync("교통 관련 문의는 1번", new() { Timeout = 60_000 });
            await Expect(citizen.Locator("#status")).ToContainTextAsync("자동 안내 중");
            await E2EFixture.ScreenshotAsync(citizen, "callbot-menu");

            // Barge-in: 1 in the middle of the top menu. The 교통 menu is heard within seconds; had the top menu
            // played on, it would still be speaking (it lasts over ten seconds).
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            await citizen.Locator("#keypad-toggle").ClickAsync();
            await CallAudio.StartRecordingAsync(citizen);
            await citizen.Locator("#keypad [data-digit='1']").ClickAsync();
            await Expect(caption).ToContainTextAsync("교통 메뉴입니다");
            var transport = await caption.TextContentAsync();
            var transportWav = CallAudio.SpeechWav(transport!, dir, "transport", pitch: 50, speed: 165);
            await Task.Delay(6000, TestContext.Current.CancellationToken);
            var heard = await CallAudio.StopRecordingAsync(citizen);
            var head = CallAudio.Load(transportWav!)[..(CallAudio.Rate * 5 / 2)];
            var match = VoiceSignals.Match(head, heard, CallAudio.Rate);
            Assert.True(match > 0.6, $"the 교통 menu followed the key at once ({match:F2}; {CallAudio.Save(heard, "callbot-after-key")})");

            // 1: the info page, short answer first; 0: a counsellor.
            await citizen.Locator("#keypad [data-digit='1']").ClickAsync();
            await Expect(caption).ToContainTextAsync("버스 노선과 도착 정보는");
            await citizen.Locator("#keypad [data-digit='0']").ClickAsync();
            await Expect(caption).ToContainTextAsync("상담사에게 연결해 드리겠습니다");
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사 연결을 기다리는 중", new() { Timeout = 60_000 });

            // The desk rings; once answered, the conversation shows the callbot's hand-off context and what it said.
            var ringing = desk.Page.Locator(".softphone .ringing");
            await Expect(ringing).ToContainTextAsync("웹 전화", new() { Timeout = 60_000 });
            await desk.Page.Locator("#answer-call").ClickAsync();
            await Expect(desk.Page.Locator("#call-state")).ToHaveTextAsync("통화 중");
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사와 통화 중");
            await desk.Page.Locator("li[data-conversation]").Filter(new() { HasText = "전화" }).Locator(".conv-open").ClickAsync();
            var context = desk.Page.Locator(".ars-handoff");
            await Expect(context).ToContainTextAsync("콜봇에서 연결됨");
            await Expect(context.Locator(".ars-path")).ToContainTextAsync("교통 › 버스·지하철 안내");
            await Expect(context).ToContainTextAsync("안내: 버스·지하철 안내");
            await Expect(desk.Page.Locator("#chatlog")).ToContainTextAsync("버스 노선과 도착 정보는");
            await E2EFixture.ScreenshotAsync(desk.Page, "callbot-handoff-desk");

            await citizen.Locator("#hangup").ClickAsync();
            await Expect(desk.Page.Locator("#call-ended")).ToContainTextAsync("시민이 전화를 끊었습니다.");
            Assert.Empty(problems);
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "callbot-server-log.txt"), server.LogTail, CancellationToken.None);
            try
            {
                if (desk.Page.Url.EndsWith("/desk", StringComparison.Ordinal))
                {
                    await desk.GoOfflineAsync();
                }
            }
            catch (PlaywrightException)
            {
            }
        }
    }
}
