using System.Globalization;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Video;

/// <summary>
/// Sign-language video (수어 상담) in real browsers: the citizen and the signing counsellor are each their own
/// Chromium process with Chromium's fake camera (a moving test pattern) and microphone. The call goes through the
/// queue to the demo signer (signer1); frames are checked by the receiving side's getStats() counters and by the
/// pixels of the shown frame, on both sides, before and after the citizen's connection is dropped.
/// </summary>
public sealed class VideoCallBrowserTests(E2EFixture fixture)
{
    private const string CitizenName = "수어시민";

    [Fact]
    public async Task A_sign_language_call_reaches_the_signer_through_the_queue_video_flows_both_ways_beside_the_chat_and_comes_back_after_a_drop()
    {
        fixture.RequireBrowser();
        await using var server = await MinwonServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithCameraAsync();
        await using var deskBrowser = await fixture.LaunchWithCameraAsync();
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await using var staff = await fixture.StaffAsync(server.BaseUrl, on: deskBrowser);
        var citizen = await phone.NewPageAsync();
        var desk = new StaffDesk(await staff.NewPageAsync());
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        citizen.Console += (_, m) => console.Enqueue("citizen " + m.Type + ": " + m.Text);
        desk.Page.Console += (_, m) => console.Enqueue("desk " + m.Type + ": " + m.Text);
        citizen.PageError += (_, e) => console.Enqueue("citizen error: " + e);
        desk.Page.PageError += (_, e) => console.Enqueue("desk error: " + e);
        await desk.SignInAsync("signer1", "minwon-demo-7");
        await desk.GoAvailableAsync();
        try
        {
            await CallAsync(citizen, phone, desk);
        }
        finally
        {
            // What both pages and the server said, for a failure on a loaded machine.
            await File.WriteAllLinesAsync(Path.Combine(E2EFixture.ScreenshotDir, "video-console.txt"), console, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "video-server-log.txt"), server.LogTail, TestContext.Current.CancellationToken);
            await E2EFixture.ScreenshotAsync(citizen, "video-citizen-last");
            await E2EFixture.ScreenshotAsync(desk.Page, "video-desk-last");
        }

        // A refused camera: a clear message, no call (the browser's refusal is played by the page's getUserMedia).
        await using var refusing = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await refusing.AddInitScriptAsync("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));");
        var denied = await refusing.NewPageAsync();
        await denied.GotoAsync("/video");
        await denied.GetByRole(AriaRole.Button, new() { Name = "영상 상담 시작" }).ClickAsync();
        await Expect(denied.Locator("#problem")).ToContainTextAsync("카메라나 마이크 사용이 거부되어");
        await VideoPages.NoSeriousAxeFindingsAsync(denied, "camera refused");
        await E2EFixture.ScreenshotAsync(denied, "video-citizen-camera-refused");
    }

    private static async Task CallAsync(IPage citizen, IBrowserContext phone, StaffDesk desk)
    {
        // The entry on /chat leads to the video page.
        await citizen.GotoAsync("/chat");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "수어 상담" }).ClickAsync();
        await citizen.WaitForURLAsync("**/video");
        await VideoPages.NoSeriousAxeFindingsAsync(citizen, "start");
        await citizen.GetByLabel("이름 (선택)").FillAsync(CitizenName);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "영상 상담 시작" }).ClickAsync();
        await Expect(citizen.Locator("#self-video")).ToHaveJSPropertyAsync("readyState", 4);

        var (citizenMs, deskMs) = await AnswerAsync(citizen, desk, "direct");
        await Expect(citizen.Locator("#status")).ToHaveTextAsync("상담사와 영상 상담 중");
        await Expect(desk.Page.Locator("#video-state")).ToHaveTextAsync("시민과 영상 상담 중");
        await E2EFixture.ScreenshotAsync(citizen, "video-citizen-connected");
        await E2EFixture.ScreenshotAsync(desk.Page, "video-desk-connected");
        await VideoPages.NoSeriousAxeFindingsAsync(citizen, "in a call");

        // Text beside the video, both ways (names, numbers, addresses).
        await citizen.Locator("#text").FillAsync("글로 쓰는 편이 빠른 부분은 여기에 적을게요");
        await citizen.Locator("#text").PressAsync("Enter");
        await desk.WaitForAsync("글로 쓰는 편이 빠른 부분은 여기에 적을게요");
        await desk.SendAsync("네, 확인했습니다.");
        await Expect(citizen.Locator("#messages")).ToContainTextAsync("네, 확인했습니다.");
        // A number: the citizen sees it as typed, the counsellor's desk (and the store) the masked text, as on /chat.
        await citizen.Locator("#text").FillAsync("제 연락처는 010-1234-5678입니다");
        await citizen.Locator("#text").PressAsync("Enter");
        await Expect(desk.Page.Locator("#chatlog")).ToContainTextAsync("제 연락처는");
        await Expect(desk.Page.Locator("#chatlog")).Not.ToContainTextAsync("1234-5678");
        await Expect(citizen.Locator("#messages li.citizen").Last).ToHaveTextAsync("제 연락처는 010-1234-5678입니다");

        // Mute and camera off on the citizen's side are shown as pressed toggles.
        await citizen.Locator("#mute-mic").ClickAsync();
        await Expect(citizen.Locator("#mute-mic")).ToHaveAttributeAsync("aria-pressed", "true");
        await citizen.Locator("#mute-mic").ClickAsync();

        // The citizen's phone loses its network and its connection: the desk says so, and the call comes back by itself.
        await phone.SetOfflineAsync(true);
        await citizen.EvaluateAsync("() => MinwonVideo.peer.dropConnection()");
        await Expect(desk.Page.Locator("#video-state")).ToContainTextAsync("끊겼습니다", new() { Timeout = 60_000 });
        await E2EFixture.ScreenshotAsync(desk.Page, "video-desk-peer-lost");
        await phone.SetOfflineAsync(false);
        await VideoPages.FramesFlowAsync(citizen, VideoPages.CitizenStats, VideoPages.CitizenBrightness, "the citizen sees the counsellor again");
        await VideoPages.FramesFlowAsync(desk.Page, VideoPages.DeskStats, VideoPages.DeskBrightness, "the counsellor sees the citizen again");
        await Expect(desk.Page.Locator("#video-state")).ToHaveTextAsync("시민과 영상 상담 중");

        // The citizen ends: both sides stop, the desk goes on to the case form.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
        await Expect(citizen.Locator("#status")).ToContainTextAsync("상담이 종료되었습니다");
        await Expect(desk.Page.Locator(".video-panel")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await VideoPages.NoSeriousAxeFindingsAsync(citizen, "ended");
        await E2EFixture.ScreenshotAsync(citizen, "video-citizen-ended");
        TestContext.Current.SendDiagnosticMessage($"time to first video frame (direct): citizen {citizenMs} ms, counsellor {deskMs} ms");
    }

    [Fact]
    public async Task A_relay_only_call_goes_through_the_coturn_started_by_the_test_command_with_credentials_minwon_issued()
    {
        fixture.RequireBrowser();
        var turn = Environment.GetEnvironmentVariable("MINWON_TEST_TURN");
        var secret = Environment.GetEnvironmentVariable("MINWON_TEST_TURN_SECRET");
        Assert.SkipWhen(string.IsNullOrEmpty(turn) || string.IsNullOrEmpty(secret),
            "MINWON_TEST_TURN and MINWON_TEST_TURN_SECRET are not set: no coturn to relay through (eng/test.sh starts one on loopback).");
        await using var server = await MinwonServer.StartAsync(
            [$"--Minwon:Video:TurnUrls:0={turn}", $"--Minwon:Video:TurnSecret={secret}", "--Minwon:Video:RelayOnly=true"],
            TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithCameraAsync();
        await using var deskBrowser = await fixture.LaunchWithCameraAsync();
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await using var staff = await fixture.StaffAsync(server.BaseUrl, on: deskBrowser);
        var citizen = await phone.NewPageAsync();
        var desk = new StaffDesk(await staff.NewPageAsync());
        await desk.SignInAsync("signer1", "minwon-demo-7");
        await desk.GoAvailableAsync();
        await citizen.GotoAsync("/video");
        await citizen.GetByLabel("이름 (선택)").FillAsync(CitizenName);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "영상 상담 시작" }).ClickAsync();
        await Expect(citizen.Locator("#self-video")).ToHaveJSPropertyAsync("readyState", 4);

        (long, long) firstFrame;
        try
        {
            firstFrame = await AnswerAsync(citizen, desk, "relay");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "video-relay-server-log.txt"), server.LogTail, TestContext.Current.CancellationToken);
            throw;
        }

        var (citizenMs, deskMs) = firstFrame;
        var atCitizen = await VideoPages.StatsAsync(citizen, VideoPages.CitizenStats);
        var atDesk = await VideoPages.StatsAsync(desk.Page, VideoPages.DeskStats);
        Assert.Equal("relay", atCitizen.LocalCandidateType);
        Assert.Equal("relay", atDesk.LocalCandidateType);
        TestContext.Current.SendDiagnosticMessage($"time to first video frame (TURN relay): citizen {citizenMs} ms, counsellor {deskMs} ms");
    }

    [Fact]
    public async Task A_consented_recording_uploads_webm_chunks_from_the_desk_keeps_a_reload_apart_and_the_last_slice_and_supervisors_play_it_from_the_list()
    {
        fixture.RequireBrowser();
        await using var server = await MinwonServer.StartAsync(["--Minwon:Video:Recording=true"], TestContext.Current.CancellationToken);
        await using var citizenBrowser = await fixture.LaunchWithCameraAsync();
        await using var deskBrowser = await fixture.LaunchWithCameraAsync();
        await using var phone = await fixture.CitizenAsync(server.BaseUrl, on: citizenBrowser);
        await using var staff = await fixture.StaffAsync(server.BaseUrl, on: deskBrowser);
        var citizen = await phone.NewPageAsync();
        var desk = new StaffDesk(await staff.NewPageAsync());
        await desk.SignInAsync("signer1", "minwon-demo-7");
        await desk.GoAvailableAsync();
        await citizen.GotoAsync("/video");
        await citizen.GetByLabel("이름 (선택)").FillAsync(CitizenName);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "영상 상담 시작" }).ClickAsync();
        await Expect(citizen.Locator("#self-video")).ToHaveJSPropertyAsync("readyState", 4);
        try
        {
            await AnswerAsync(citizen, desk, "recording");

            // Nothing is recorded before the citizen agrees.
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "녹화 동의 요청" }).ClickAsync();
            await Expect(citizen.Locator("#rec-consent")).ToContainTextAsync("녹화해도 되는지", new() { Timeout = 30_000 });
            Assert.False(await desk.Page.EvaluateAsync<bool>("() => minwonVideoRecorder.recording"));
            await VideoPages.NoSeriousAxeFindingsAsync(citizen, "recording consent asked");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "동의" }).ClickAsync();
            await Expect(citizen.Locator("#rec-indicator")).ToHaveTextAsync("● 녹화 중");
            await Expect(desk.Page.Locator("#video-record-state")).ToContainTextAsync("녹화 중", new() { Timeout = 30_000 });
            await Expect(desk.Page.Locator("#chatlog")).ToContainTextAsync("영상 녹화에 동의했습니다");

            // Two 5 s chunks arrive at the server.
            await desk.Page.WaitForFunctionAsync("() => minwonVideoRecorder.uploaded >= 2", null, new() { Timeout = 60_000 });
            var id = await desk.Page.Locator(".video-panel").GetAttributeAsync("data-conversation");
            var head = await desk.Page.EvaluateAsync<int[]>(
                "async id => { const r = await fetch(`/api/video/conversations/${id}/recording/parts/0`); if (!r.ok) return [r.status]; return [...new Uint8Array(await r.arrayBuffer())].slice(0, 4); }", id);
            // The EBML magic of a WebM (Matroska) file.
            Assert.Equal([0x1A, 0x45, 0xDF, 0xA3], head);

            // The desk reloads mid-recording: its new recorder starts part 1, a WebM stream of its own.
            await desk.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
            await Expect(desk.Page.Locator("[data-interactive]")).ToHaveCountAsync(1);
            await desk.OpenAsync(CitizenName);
            await Expect(desk.Page.Locator(".video-panel")).ToBeVisibleAsync();
            await desk.Page.WaitForFunctionAsync("() => minwonVideoRecorder.part === 1 && minwonVideoRecorder.uploaded >= 1", null, new() { Timeout = 60_000 });
            var head1 = await desk.Page.EvaluateAsync<int[]>(
                "async id => { const r = await fetch(`/api/video/conversations/${id}/recording/parts/1`); if (!r.ok) return [r.status]; return [...new Uint8Array(await r.arrayBuffer())].slice(0, 4); }", id);
            Assert.Equal([0x1A, 0x45, 0xDF, 0xA3], head1);

            // The counsellor ends the call: the recorder is flushed first, so its last partial slice is stored too (every
            // slice the recorder made is on the server; before, the last one was refused after /end).
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
            await Expect(desk.Page.Locator(".video-panel")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await desk.Page.WaitForFunctionAsync("() => !minwonVideoRecorder.recording && minwonVideoRecorder.uploaded === minwonVideoRecorder.produced", null,
                new() { Timeout = 30_000 });
            var produced = await desk.Page.EvaluateAsync<int>("() => minwonVideoRecorder.produced");
            var stored = await desk.Page.EvaluateAsync<int>(
                "async id => (await (await fetch(`/api/video/conversations/${id}/recording/state`)).json()).chunks", id);
            Assert.Equal(produced, stored);

            // A counsellor may not open the recordings list.
            await desk.Page.GotoAsync("/recordings");
            await Expect(desk.Page.GetByText("이 화면을 열 권한이 없습니다")).ToBeVisibleAsync();

            // The supervisors' list shows the recording with its two parts and plays them in order.
            await using var boardContext = await fixture.StaffAsync(server.BaseUrl);
            var board = await boardContext.NewPageAsync();
            await StaffDesk.SignInAsync(board, "supervisor", "minwon-demo-3", "/recordings");
            var row = board.Locator("#recordings tr[data-kind='video']").First;
            await Expect(row).ToContainTextAsync("수어 영상");
            await Expect(row).ToContainTextAsync("시민 동의 (2개 부분)");
            await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
            await VideoPages.NoSeriousAxeFindingsAsync(board, "recordings list");
            await row.GetByRole(AriaRole.Button).ClickAsync();
            var player = board.Locator("video#recording-player");
            await Expect(player).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"/api/video/conversations/{id}/recording/parts/0$"));
            await board.WaitForFunctionAsync("() => document.getElementById('recording-player').readyState >= 1", null, new() { Timeout = 30_000 });
            // The first part ends: the player goes on with the second.
            await board.EvaluateAsync("() => document.getElementById('recording-player').dispatchEvent(new Event('ended'))");
            await Expect(player).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"/api/video/conversations/{id}/recording/parts/1$"));
            await board.WaitForFunctionAsync("() => document.getElementById('recording-player').readyState >= 1", null, new() { Timeout = 30_000 });
            await E2EFixture.ScreenshotAsync(board, "recordings-list");
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "video-recording-server-log.txt"), server.LogTail, TestContext.Current.CancellationToken);
            await E2EFixture.ScreenshotAsync(citizen, "video-citizen-recording");
            await E2EFixture.ScreenshotAsync(desk.Page, "video-desk-recording");
        }
    }

    /// <summary>
    /// The counsellor accepts the waiting video call; frames must flow both ways. Returns the time from the accept
    /// click to the first frame shown on each side (written beside the screenshots for docs/benchmarks.md, never asserted).
    /// </summary>
    private static async Task<(long CitizenMs, long DeskMs)> AnswerAsync(IPage citizen, StaffDesk desk, string path)
    {
        await Expect(citizen.Locator("#status")).ToContainTextAsync("기다리는 중");
        await VideoPages.NoSeriousAxeFindingsAsync(citizen, "waiting");
        var offer = desk.Page.Locator("li.offered").Filter(new() { HasText = CitizenName });
        await Expect(offer).ToContainTextAsync("수어 영상", new() { Timeout = 60_000 });
        var clickedAt = await desk.Page.EvaluateAsync<double>("() => Date.now()");
        await offer.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
        await Expect(desk.Page.Locator(".video-panel")).ToBeVisibleAsync();
        await VideoPages.FramesFlowAsync(citizen, VideoPages.CitizenStats, VideoPages.CitizenBrightness, "the citizen sees the counsellor");
        await VideoPages.FramesFlowAsync(desk.Page, VideoPages.DeskStats, VideoPages.DeskBrightness, "the counsellor sees the citizen");
        var citizenMs = (long)(await citizen.EvaluateAsync<double>("() => window.MinwonVideoFirstFrameAt") - clickedAt);
        var deskMs = (long)(await desk.Page.EvaluateAsync<double>("() => window.MinwonVideoFirstFrameAt") - clickedAt);
        await File.AppendAllTextAsync(Path.Combine(E2EFixture.ScreenshotDir, "video-first-frame.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{path} citizen_ms={citizenMs} counsellor_ms={deskMs}\n"), TestContext.Current.CancellationToken);
        return (citizenMs, deskMs);
    }
}
