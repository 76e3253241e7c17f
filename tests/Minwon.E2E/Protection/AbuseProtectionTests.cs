using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Protection;

public sealed class AbuseProtectionTests(E2EFixture fixture)
{
    private const string Abuse = "씨발 일 똑바로 안해?";

    [Fact]
    public async Task An_abusive_chat_is_blurred_warned_ended_and_handed_to_the_supervisor_with_its_evidence()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(cancellationToken: ct);
        await using var supervisorContext = await fixture.StaffAsync(server.BaseUrl);
        var supervisor = await supervisorContext.NewPageAsync();
        await StaffDesk.SignInAsync(supervisor, "supervisor", "minwon-demo-3", "/protection");
        await Expect(supervisor.Locator("#incidents tbody tr")).ToHaveCountAsync(0);

        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "민원 처리 불만", server.BaseUrl);
        var citizen = chat.Citizen;
        var desk = chat.Desk;

        await citizen.SendAsync("010-2345-6789로 연락주세요");
        var phoneLine = desk.Page.Locator("#chatlog > li[data-seq]").Filter(new() { HasText = "연락주세요" });
        await Expect(phoneLine).ToHaveCountAsync(1);
        await Expect(phoneLine.Locator(".bubble")).Not.ToContainTextAsync("2345-6789");
        await phoneLine.GetByRole(AriaRole.Button, new() { Name = "원문 보기" }).ClickAsync();
        await Expect(phoneLine.Locator(".bubble")).ToHaveTextAsync("010-2345-6789로 연락주세요");

        await citizen.SendAsync(Abuse);
        var abusive = desk.Page.Locator("#chatlog > li.abusive");
        await Expect(abusive).ToHaveCountAsync(1);
        await Expect(abusive.GetByRole(AriaRole.Button, new() { Name = "가려진 메시지 보기" })).ToBeVisibleAsync();
        Assert.NotEqual("none", await abusive.Locator(".bubble").EvaluateAsync<string>("e => getComputedStyle(e).filter"));
        var bar = desk.Page.Locator("#protection-bar");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("폭언 감지");
        await Expect(supervisor.Locator("#incidents tbody tr")).ToHaveCountAsync(1);
        await E2EFixture.ScreenshotAsync(desk.Page, "protection-desk-blurred");

        await Expect(desk.Page.Locator("#end-abusive")).ToBeDisabledAsync();
        foreach (var round in new[] { "1차 안내", "2차 안내", "3차 안내" })
        {
            await desk.Page.Locator("#warn").ClickAsync();
            await Expect(citizen.Messages.Filter(new() { HasText = round + ")" })).ToHaveCountAsync(1);
        }

        await Expect(bar).ToContainTextAsync("안내 3 / 3 회");
        await Expect(desk.Page.Locator("#warn")).ToBeDisabledAsync();
        await desk.Page.Locator("#end-abusive").ClickAsync();

        await Expect(citizen.Messages.Filter(new() { HasText = "반복된 폭언으로" })).ToHaveCountAsync(1);
        await Expect(citizen.Page.Locator("#send")).ToBeDisabledAsync();
        // Issue 9 item 17: the status line tells the truth at once (it said "상담 중" after a protective end).
        await Expect(citizen.Status).ToContainTextAsync("상담사 보호를 위해 상담이 종료되었습니다");
        await Expect(citizen.Status).ToContainTextAsync("접수번호 ");
        await Expect(citizen.Status).Not.ToContainTextAsync("상담 중");
        await Expect(desk.Page.Locator("#presence-now")).ToHaveTextAsync("휴식");
        await Expect(desk.Page.GetByLabel("휴식 사유")).ToHaveValueAsync("보호 휴식");
        await E2EFixture.ScreenshotAsync(citizen.Page, "protection-citizen-ended-phone");
        await E2EFixture.ScreenshotAsync(desk.Page, "protection-desk-rest");

        var row = supervisor.Locator("#incidents tbody tr");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("욕설");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("3");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("종료됨");
        var download = await supervisor.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "증거 내려받기" }).ClickAsync());
        var evidence = Strings(System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync(), ct)).RootElement);
        Assert.Contains(evidence, s => s.Contains(Abuse, StringComparison.Ordinal));
        Assert.Contains(evidence, s => s.Contains("010-2345-6789", StringComparison.Ordinal));
        await E2EFixture.ScreenshotAsync(supervisor, "protection-supervisor-incidents");
    }

    /// <summary>Every string in the JSON, so the check does not depend on how the server escapes Korean.</summary>
    private static List<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => [.. e.EnumerateObject().SelectMany(p => Strings(p.Value))],
        System.Text.Json.JsonValueKind.Array => [.. e.EnumerateArray().SelectMany(Strings)],
        _ => [],
    };
}
