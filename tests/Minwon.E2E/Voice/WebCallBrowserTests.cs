using Microsoft.Playwright;
using Minwon.Core.Voice;
using Minwon.E2E.Infrastructure;
using Minwon.Server.Tests.Voice;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Voice;

/// <summary>
/// A citizen's web call in real browsers with fake microphones playing Korean speech made by espeak-ng: each talking
/// party is its own Chromium process (the capture file is per process). What each page played to its speaker is
/// recorded inside the page and checked against what the other side said (loudness and cross-correlation).
/// </summary>
public sealed class WebCallBrowserTests(E2EFixture fixture)
{
    private const string CitizenLine = "여권을 잃어버렸는데요, 재발급은 어디서 신청하나요?";
    private const string FirstCounsellorLine = "네, 가까운 구청 민원실에서 바로 신청하실 수 있습니다.";
    private const string SecondCounsellorLine = "여권 담당 상담사입니다. 신분증을 꼭 챙겨 오세요.";
    private const string Notice = "상담 품질 향상을 위해 통화 내용이 녹음됩니다.";

    [Fact]
    public async Task A_citizen_web_call_talks_both_ways_holds_is_warm_transferred_supervised_hung_up_and_filed_with_a_playable_recording()
    {
        fixture.RequireBrowser();
        var dir = Directory.CreateTempSubdirectory("minwon-voice-e2e-").FullName;
        var citizenWav = CallAudio.SpeechWav(CitizenLine, dir, "citizen", pitch: 40);
        var firstWav = CallAudio.SpeechWav(FirstCounsellorLine, dir, "counsellor1", pitch: 75);
        var secondWav = CallAudio.SpeechWav(SecondCounsellorLine, dir, "counsellor2", pitch: 60, speed: 175);
        // With espeak-ng present the server speaks its prompts through it (voice ko, speed 165) rather than playing the
        // shipped files; the reference is the same synthesis.
        var noticeWav = CallAudio.SpeechWav(Notice, dir, "notice", pitch: 50, speed: 165);
        Assert.SkipWhen(citizenWav is null || firstWav is null || secondWav is null || noticeWav is null, CallAudio.NoEspeak);
        var noticeSays = CallAudio.Load(noticeWav!);
        var (citizenSays, firstSays, secondSays) = (CallAudio.Load(citizenWav!), CallAudio.Load(firstWav!), CallAudio.Load(secondWav!));

        // A server of its own: on the shared one, other tests leave the demo counsellors holding chats, and a counsellor
        // holding more chats than Minwon:Voice:ChatsDuringCall is (rightly) never offered a call.
        await using var server = await MinwonServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithMicrophoneAsync(citizenWav!);
        // The first counsellor's browser later serves the supervisor too: by then the first counsellor has handed the
        // call over, so that voice is the supervisor's alone.
        await using var firstBrowser = await fixture.LaunchWithMicrophoneAsync(firstWav!);
        await using var secondBrowser = await fixture.LaunchWithMicrophoneAsync(secondWav!);
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await using var firstDesk = await fixture.StaffAsync(server.BaseUrl, on: firstBrowser);
        await using var secondDesk = await fixture.StaffAsync(server.BaseUrl, on: secondBrowser);
        await using var wallboard = await fixture.StaffAsync(server.BaseUrl, on: firstBrowser);
        var citizen = await phone.NewPageAsync();
        var first = new StaffDesk(await firstDesk.NewPageAsync());
        var second = new StaffDesk(await secondDesk.NewPageAsync());
        var supervisor = await wallboard.NewPageAsync();
        var problems = new List<string>();
        foreach (var page in new[] { citizen, first.Page, second.Page, supervisor })
        {
            page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        }

        await first.SignInAsync("counsellor1", "minwon-demo-1");
        await first.GoAvailableAsync();
        try
        {
            // The citizen calls from a phone: the recording notice (heard, and shown as a caption), then the queue.
            await citizen.GotoAsync("/call");
            await citizen.GetByLabel("연락받을 전화번호 (선택, 콜백 예약용)").FillAsync("010-2345-6789");
            await citizen.EvaluateAsync("() => { MinwonVoice.recordFromStart = true; }");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "통화 시작" }).ClickAsync();
            await Expect(citizen.Locator("#caption")).ToHaveTextAsync(Notice);
            await E2EFixture.ScreenshotAsync(citizen, "webcall-notice");

            // The queue place follows the notice (the desk may ring while the notice still plays).
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사 연결을 기다리는 중", new() { Timeout = 60_000 });
            var heardBeforeAnswer = await CallAudio.StopRecordingAsync(citizen);
            var noticeMatch = VoiceSignals.Match(noticeSays, heardBeforeAnswer, CallAudio.Rate);
            Assert.True(noticeMatch > 0.6,
                $"the citizen heard the recording notice ({noticeMatch:F2}, {Pcm.Dbfs(heardBeforeAnswer):F1} dBFS, {CallAudio.Save(heardBeforeAnswer, "citizen-before-answer")}, playout {await CallAudio.PlayoutStatsAsync(citizen)})");

            // The desk rings with the caller's number; the counsellor answers on the softphone.
            var ringing = first.Page.Locator(".softphone .ringing");
            await Expect(ringing).ToContainTextAsync("010-2345-6789", new() { Timeout = 60_000 });
            await Expect(ringing).ToContainTextAsync("웹 전화");
            await E2EFixture.ScreenshotAsync(first.Page, "softphone-ringing");
            await first.Page.Locator("#answer-call").ClickAsync();
            await Expect(first.Page.Locator("#call-state")).ToHaveTextAsync("통화 중");
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사와 통화 중");
            await Expect(first.Page.Locator("#call-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d$"));

            // Each side hears the other.
            await CallAudio.HearsAsync(first.Page, citizenSays, "the counsellor hears the citizen");
            await CallAudio.HearsAsync(citizen, firstSays, "the citizen hears the counsellor");
            await E2EFixture.ScreenshotAsync(first.Page, "softphone-talking");

            // The citizen's keypad reaches the softphone.
            await citizen.Locator("#keypad-toggle").ClickAsync();
            await citizen.Locator("#keypad [data-digit='5']").ClickAsync();
            await Expect(first.Page.Locator("#caller-digits")).ToContainTextAsync("5");

            // Hold: the citizen hears music, not the counsellor, and sees why.
            await first.Page.Locator("#hold-call").ClickAsync();
            await Expect(first.Page.Locator("#call-state")).ToHaveTextAsync("보류 중");
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("통화 대기 중 (보류)");
            await Expect(citizen.Locator("#caption")).ToContainTextAsync("보류");
            await Task.Delay(500, TestContext.Current.CancellationToken);
            var onHold = await CallAudio.ListenAsync(citizen, TimeSpan.FromSeconds(firstSays.Length / (double)CallAudio.Rate + 1.5));
            Assert.True(Pcm.Dbfs(onHold) > -45, $"hold music is audible ({Pcm.Dbfs(onHold):F1} dBFS)");
            Assert.True(VoiceSignals.Match(firstSays, onHold, CallAudio.Rate) < 0.45,
                $"the counsellor is not heard on hold ({VoiceSignals.Match(firstSays, onHold, CallAudio.Rate):F2})");
            await first.Page.Locator("#hold-call").ClickAsync();
            await Expect(first.Page.Locator("#call-state")).ToHaveTextAsync("통화 중");
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사와 통화 중");

            // Warm transfer: consult a colleague while the citizen waits, then hand the call over.
            await second.SignInAsync("counsellor2", "minwon-demo-2");
            await second.GoAvailableAsync();
            await first.Page.GetByLabel("돌려줄 상담사").SelectOptionAsync(new SelectOptionValue { Label = "이준호" });
            await first.Page.Locator("#consult-call").ClickAsync();
            await Expect(first.Page.Locator("#call-state")).ToHaveTextAsync("상의 중");
            await second.Page.Locator("#join-consult").ClickAsync();
            await Expect(second.Page.Locator(".softphone .consult")).ToContainTextAsync("상의 중");
            await CallAudio.HearsAsync(second.Page, firstSays, "the consulted colleague hears the counsellor");
            var waiting = await CallAudio.ListenAsync(citizen, TimeSpan.FromSeconds(firstSays.Length / (double)CallAudio.Rate + 1.5));
            Assert.True(VoiceSignals.Match(firstSays, waiting, CallAudio.Rate) < 0.45,
                $"the waiting citizen does not hear the consultation ({VoiceSignals.Match(firstSays, waiting, CallAudio.Rate):F2})");
            await first.Page.Locator("#complete-transfer").ClickAsync();
            await Expect(second.Page.Locator("#call-state")).ToHaveTextAsync("통화 중");
            await Expect(first.Page.Locator("#softphone-idle")).ToBeVisibleAsync();
            await CallAudio.HearsAsync(citizen, secondSays, "the citizen hears the colleague after the transfer");
            await CallAudio.HearsAsync(second.Page, citizenSays, "the colleague hears the citizen");
            var afterTransfer = await CallAudio.ListenAsync(citizen, TimeSpan.FromSeconds(firstSays.Length / (double)CallAudio.Rate + 1.5));
            Assert.True(VoiceSignals.Match(firstSays, afterTransfer, CallAudio.Rate) < 0.45,
                $"the first counsellor has left the call ({VoiceSignals.Match(firstSays, afterTransfer, CallAudio.Rate):F2})");
            await first.GoOfflineAsync();

            // A supervisor listens in, whispers to the counsellor, then barges in (the voice of the first browser).
            await StaffDesk.SignInAsync(supervisor, "supervisor", "minwon-demo-3", "/wallboard");
            var row = supervisor.Locator("#live-calls tr[data-call]").Filter(new() { HasText = "010-2345-6789" });
            await row.Locator("button[data-mode='listen']").ClickAsync();
            await Expect(supervisor.Locator("#monitor-status")).ToContainTextAsync("청취 중");
            await CallAudio.HearsAsync(supervisor, citizenSays, "the supervisor hears the citizen");
            await row.Locator("button[data-mode='whisper']").ClickAsync();
            await Expect(supervisor.Locator("#monitor-status")).ToContainTextAsync("귓속말 중");
            await CallAudio.HearsAsync(second.Page, firstSays, "the counsellor hears the whisper");
            var whispered = await CallAudio.ListenAsync(citizen, TimeSpan.FromSeconds(firstSays.Length / (double)CallAudio.Rate + 1.5));
            Assert.True(VoiceSignals.Match(firstSays, whispered, CallAudio.Rate) < 0.45,
                $"the citizen does not hear the whisper ({VoiceSignals.Match(firstSays, whispered, CallAudio.Rate):F2})");
            await row.Locator("button[data-mode='barge']").ClickAsync();
            await Expect(supervisor.Locator("#monitor-status")).ToContainTextAsync("끼어들기 중");
            await CallAudio.HearsAsync(citizen, firstSays, "the citizen hears the supervisor barging in");
            await E2EFixture.ScreenshotAsync(supervisor, "wallboard-monitoring");
            await supervisor.Locator(".stop-monitor").ClickAsync();

            // The citizen hangs up: the softphone says so, and the call waits for its case.
            await citizen.Locator("#hangup").ClickAsync();
            await Expect(citizen.Locator("#status")).ToHaveTextAsync("통화를 종료했습니다.");
            await Expect(second.Page.Locator("#call-ended")).ToContainTextAsync("시민이 전화를 끊었습니다.");
            await E2EFixture.ScreenshotAsync(citizen, "webcall-ended");
            await second.Page.Locator("li[data-conversation]").Filter(new() { HasText = "전화" }).Locator(".conv-open").ClickAsync();
            await Expect(second.Page.Locator(".call-recordings audio")).ToHaveCountAsync(1);
            var receipt = await second.CloseCaseAsync("종로구", "여권 재발급 안내 (웹 전화)");
            Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", receipt);

            // The recording plays on the case; a counsellor may not download it.
            var audio = second.Page.Locator(".receipt ~ .call-recordings audio");
            await E2EFixture.ScreenshotAsync(second.Page, "softphone-case-closed");
            await Expect(audio).ToHaveCountAsync(1);
            await Expect(second.Page.Locator(".call-recordings a[download]")).ToHaveCountAsync(0);
            var played = await audio.EvaluateAsync<double[]>("""
                async el => {
                  el.muted = true;
                  await el.play();
                  await new Promise(resolve => setTimeout(resolve, 1500));
                  el.pause();
                  return [el.duration, el.currentTime];
                }
                """);
            Assert.True(played[0] > 10, $"the recording lasts {played[0]:F1} s");
            Assert.True(played[1] > 0.2, $"the recording played to {played[1]:F2} s");
            await E2EFixture.ScreenshotAsync(second.Page, "softphone-case-recording");

            // The supervisor finds the call on the wallboard with its receipt number, and may download the recording.
            var finished = supervisor.Locator(".finished-calls li").Filter(new() { HasText = receipt });
            await Expect(finished).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Expect(finished.Locator("a[download]")).ToHaveCountAsync(1);
            Assert.Empty(problems);
        }
        finally
        {
            // What the server logged (warnings, errors) beside the screenshots, for a failed run.
            await File.WriteAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "webcall-server-log.txt"), server.LogTail, CancellationToken.None);
            foreach (var desk in new[] { first, second })
            {
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

    [Fact]
    public async Task A_refused_microphone_gets_a_clear_message_and_starts_no_call()
    {
        fixture.RequireBrowser();
        // The shared browser has no fake devices and no permission: the page is refused the microphone.
        await using var phone = await fixture.CitizenAsync();
        var citizen = await phone.NewPageAsync();
        var started = 0;
        citizen.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/voice/webcalls", StringComparison.Ordinal))
            {
                started++;
            }
        };
        await citizen.GotoAsync("/call");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "통화 시작" }).ClickAsync();
        var problem = citizen.Locator("#problem");
        await Expect(problem).ToBeVisibleAsync();
        await Expect(problem).ToHaveAttributeAsync("data-problem", new System.Text.RegularExpressions.Regex("^(denied|missing)$"));
        await Expect(citizen.Locator("#problem-text")).ToContainTextAsync("채팅 상담");
        await Expect(citizen.Locator("#start")).ToBeVisibleAsync();
        await E2EFixture.ScreenshotAsync(citizen, "webcall-microphone-refused");
        Assert.Equal(0, started);

        // In English too.
        await citizen.Locator("#lang").ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Start call" }).ClickAsync();
        await Expect(citizen.Locator("#problem-text")).ToContainTextAsync("chat");
    }
}
