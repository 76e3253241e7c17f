using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Quality;

/// <summary>
/// A consultation with one lapse (a plain-speech answer) is closed on the desk; the scoring worker picks it up from
/// the event log; the supervisor finds it at the top of /quality, opens its findings, scores it by hand for
/// calibration; the counsellor disputes the finding from their own page and the supervisor upholds it.
/// </summary>
public sealed class QualityBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task Supervisor_finds_the_lapse_calibrates_and_resolves_the_counsellors_dispute()
    {
        fixture.RequireBrowser();
        string receipt;
        await using (var consultation = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "여권 재발급"))
        {
            var desk = consultation.Desk;
            await desk.SendAsync("안녕하세요, 서울시 120다산콜센터 상담사 김민지입니다. 무엇을 도와드릴까요?");
            await consultation.Citizen.SendAsync("여권을 잃어버렸는데 어디서 다시 만들어요?");
            await desk.WaitForAsync("여권을 잃어버렸는데 어디서 다시 만들어요?");
            await desk.SendAsync("여권 재발급 문의 주셨네요. 구청 민원여권과 가서 신청해.");
            await desk.SendAsync("더 궁금하신 점 있으신가요?");
            await consultation.Citizen.SendAsync("아니요");
            await desk.WaitForAsync("아니요");
            await desk.SendAsync("감사합니다. 좋은 하루 되세요.");
            receipt = await desk.CloseCaseAsync("마포구", "여권 재발급 안내");
        }

        await using var supervisorContext = await fixture.StaffAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        await StaffDesk.SignInAsync(supervisor, "supervisor", "minwon-demo-3", "/quality");
        var row = supervisor.Locator("#quality-list tbody tr").Filter(new() { HasText = receipt });
        await WaitForScoreAsync(supervisor, row);
        await supervisor.Locator("#filter-area").SelectOptionAsync("attitude");
        await Expect(row.Locator("td[data-area=attitude]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("low"));
        await Expect(row.Locator("td[data-area=closing]")).ToHaveTextAsync("100");
        await E2EFixture.ScreenshotAsync(supervisor, "quality-list");

        await supervisor.Locator("#quality-list tbody tr").Filter(new() { HasText = receipt }).GetByRole(AriaRole.Link).ClickAsync();
        await supervisor.WaitForURLAsync("**/quality/scores/*");
        await Expect(supervisor.Locator("[data-interactive]")).ToHaveCountAsync(1);
        var lapse = supervisor.Locator("#quality-findings tr[data-item=honorific_speech]");
        await Expect(lapse).ToContainTextAsync("미흡");
        await Expect(lapse).ToContainTextAsync("가서 신청해");
        await Expect(supervisor.Locator("#quality-transcript li.flagged")).ToContainTextAsync("가서 신청해");
        await Expect(supervisor.Locator("#quality-scores [data-area=attitude] strong")).Not.ToHaveTextAsync("100");
        await Expect(supervisor.Locator("#quality-scores [data-area=closing] strong")).ToHaveTextAsync("100");

        await supervisor.Locator("#calibration-form input[data-area=attitude]").FillAsync("60");
        await supervisor.Locator("#calibration-note").FillAsync("반말 한 번");
        await supervisor.Locator("#calibration-save").ClickAsync();
        await Expect(supervisor.Locator("#calibration-reviews tbody tr")).ToHaveCountAsync(1);
        await Expect(supervisor.Locator("#calibration-reviews")).ToContainTextAsync("반말 한 번");
        await E2EFixture.ScreenshotAsync(supervisor, "quality-detail");
        var scoreUrl = supervisor.Url;

        await supervisor.GotoAsync("/quality/calibration");
        await Expect(supervisor.Locator("#calibration-areas tr[data-area=attitude]")).ToBeVisibleAsync();
        await Expect(supervisor.Locator("#calibration-count")).Not.ToContainTextAsync("직접 채점 0건");
        await E2EFixture.ScreenshotAsync(supervisor, "quality-calibration");

        await using var counsellorContext = await fixture.StaffAsync();
        var counsellor = await counsellorContext.NewPageAsync();
        await StaffDesk.SignInAsync(counsellor, "counsellor1", "minwon-demo-1", "/quality/me");
        await counsellor.Locator("#my-scores tbody tr").Filter(new() { HasText = receipt }).GetByRole(AriaRole.Link).ClickAsync();
        await counsellor.WaitForURLAsync("**/quality/scores/*");
        await Expect(counsellor.Locator("[data-interactive]")).ToHaveCountAsync(1);
        var mine = counsellor.Locator("#quality-findings tr[data-item=honorific_speech]");
        await mine.Locator(".dispute-open").ClickAsync();
        await mine.Locator(".dispute-reason").FillAsync("시민께서 친구처럼 말해 달라고 하셨습니다");
        await mine.Locator(".dispute-send").ClickAsync();
        await Expect(mine.Locator(".dispute-status")).ToHaveTextAsync("이의 검토 중");
        await E2EFixture.ScreenshotAsync(counsellor, "quality-dispute");

        await supervisor.GotoAsync("/quality/disputes");
        var dispute = supervisor.Locator("#disputes tbody tr").Filter(new() { HasText = "친구처럼" });
        await Expect(dispute).ToHaveCountAsync(1);
        await dispute.GetByLabel("처리 메모").FillAsync("녹취 확인, 인정");
        await dispute.Locator(".dispute-uphold").ClickAsync();
        await Expect(dispute.Locator(".dispute-status")).ToHaveTextAsync("이의 인정");

        await counsellor.GotoAsync(scoreUrl);
        await Expect(counsellor.Locator("#quality-findings tr[data-item=honorific_speech]")).ToContainTextAsync("인정(이의 수용)");
        await Expect(counsellor.Locator("#quality-scores [data-area=attitude] strong")).ToHaveTextAsync("100");
    }

    [Fact]
    public async Task A_counsellor_cannot_open_the_supervisors_quality_list()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.StaffAsync();
        var page = await context.NewPageAsync();
        await StaffDesk.SignInAsync(page, "counsellor2", "minwon-demo-2", "/desk");

        await page.GotoAsync("/quality");

        await Expect(page.Locator("#quality-list")).ToHaveCountAsync(0);
    }

    // The worker scores within seconds of the close; the list is read when the page loads, so reload until it shows.
    private static async Task WaitForScoreAsync(IPage page, ILocator row)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await row.CountAsync() == 0 && waited.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
            await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        }

        await Expect(row).ToHaveCountAsync(1);
    }
}
