using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Platform;

/// <summary>
/// Every page works under the Content-Security-Policy the server sends (scripts only from Minwon's own files): Blazor
/// circuits come up, the citizen chat connects, and Chromium reports no blocked script, style or connection.
/// </summary>
public sealed class ContentSecurityPolicyTests(E2EFixture fixture)
{
    [Fact]
    public async Task Citizen_and_staff_pages_work_and_the_browser_blocks_nothing()
    {
        fixture.RequireBrowser();
        var violations = new List<string>();
        void Watch(IPage page)
        {
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
        }

        await using var phone = await fixture.CitizenAsync();
        var chatPage = await phone.NewPageAsync();
        Watch(chatPage);
        var citizen = new CitizenChat(chatPage);
        await citizen.OpenAsync();
        await citizen.StartAsync("보안정책확인", "주차 문의");
        await Expect(citizen.Status).ToContainTextAsync("대기 순번");
        await chatPage.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();

        var ars = await phone.NewPageAsync();
        Watch(ars);
        var arsAnswer = await ars.GotoAsync("/ars");
        Assert.Equal(200, arsAnswer!.Status);
        await Expect(ars.Locator("script[src='/ars/ars.js']")).ToHaveCountAsync(1);

        await using var staff = await fixture.StaffAsync();
        var page = await staff.NewPageAsync();
        Watch(page);
        await StaffDesk.SignInAsync(page, "supervisor", "minwon-demo-3", "/wallboard");
        foreach (var path in new[] { "/desk", "/analytics" })
        {
            await page.GotoAsync(path);
            if (path == "/desk")
            {
                await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
            }
            else
            {
                await Expect(page.Locator("#kpi-contacts")).ToBeVisibleAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "최근 7일" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Img, new() { Name = "자치구별 접수량", Exact = true })).ToBeVisibleAsync();
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
