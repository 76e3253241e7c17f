using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.IssueAlerting;

public sealed class IssueNoticeTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_replayed_incident_raises_an_alert_whose_notice_reaches_the_desk_the_visual_ars_and_the_bot()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        var streamDir = Directory.CreateTempSubdirectory("minwon-e2e-issues-");
        try
        {
            await ReplayPublishAndSeeAsync(Path.Combine(streamDir.FullName, "stream.jsonl"), ct);
        }
        finally
        {
            streamDir.Delete(recursive: true);
        }
    }

    private async Task ReplayPublishAndSeeAsync(string stream, CancellationToken ct)
    {
        // Seed 3 puts a water-main break (단수) in 종로구 and a flood in 송파구 into three days of city-wide contacts.
        await ServerCli.RunAsync(["demo", "generate", "--days", "3", "--seed", "3", "--per-day", "3000", "--incidents", "2", "--out", stream], ct);
        await using var server = await MinwonServer.StartAsync(["--Minwon:Chatbot:Enabled=true"], ct);
        await using var supervisorContext = await fixture.StaffAsync(server.BaseUrl);
        await using var deskContext = await fixture.StaffAsync(server.BaseUrl);
        await using var citizenContext = await fixture.CitizenAsync(server.BaseUrl);

        var desk = new StaffDesk(await deskContext.NewPageAsync());
        await desk.SignInAsync("counsellor2", "minwon-demo-2");
        await Expect(desk.Page.Locator("#staff-notices")).ToHaveCountAsync(0);

        var supervisor = await supervisorContext.NewPageAsync();
        await StaffDesk.SignInAsync(supervisor, "supervisor", "minwon-demo-3", "/issues");
        await Expect(supervisor.Locator("#issue-list tbody tr")).ToHaveCountAsync(0);
        await supervisor.Locator("#replay-file").SetInputFilesAsync(stream);
        await Expect(supervisor.Locator("#replay-result")).ToContainTextAsync("건 재생", new() { Timeout = 40_000 });
        var alert = supervisor.Locator("#issue-list tbody tr").Filter(new() { HasText = "단수" }).Filter(new() { HasText = "종로구" });
        await Expect(alert).ToHaveCountAsync(1);
        await alert.ClickAsync();
        await Expect(supervisor.Locator("#issue-detail")).ToContainTextAsync("종로구");

        const string notice = "종로구 사직동 일대 수도관 파열로 단수 중입니다. 오후 6시 복구 예정입니다.";
        await supervisor.Locator("#notice-text").FillAsync(notice);
        await supervisor.Locator("#publish-notice").ClickAsync();
        await Expect(supervisor.Locator("#issue-notices")).ToContainTextAsync(notice);
        await E2EFixture.ScreenshotAsync(supervisor, "issues-supervisor-alert");

        await Expect(desk.Page.Locator("#staff-notices")).ToContainTextAsync(notice);
        await E2EFixture.ScreenshotAsync(desk.Page, "issues-desk-notice");

        var phone = await citizenContext.NewPageAsync();
        await phone.GotoAsync("/ars");
        await Expect(phone.Locator("section#notices")).ToBeVisibleAsync();
        await Expect(phone.Locator("section#notices")).ToContainTextAsync(notice);
        await Expect(phone.Locator("main#main")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>(
            "() => document.querySelector('section#notices').getBoundingClientRect().top < document.querySelector('main#main').getBoundingClientRect().top"));
        await E2EFixture.ScreenshotAsync(phone, "issues-ars-notice-phone");

        var citizen = new CitizenChat(await citizenContext.NewPageAsync());
        await citizen.OpenAsync();
        await citizen.StartAsync("", "");
        await Expect(citizen.Messages.Filter(new() { HasText = "서울시 120 챗봇입니다" })).ToHaveCountAsync(1);
        await citizen.WaitForAsync("[안내] " + notice);
        await Expect(citizen.Status).ToHaveTextAsync("120 챗봇이 안내해 드립니다.");
        await E2EFixture.ScreenshotAsync(citizen.Page, "issues-chat-greeting-phone");
    }
}
