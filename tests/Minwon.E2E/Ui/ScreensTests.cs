using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Ui;

/// <summary>
/// Issue 9 item 18: the screens no other browser test pictures (most are pictured where a test reaches their
/// interesting state, <see cref="Screens.Known"/>) are visited here, citizen pages on the phone and staff pages on the
/// desktop, each checked to have rendered its own heading (not an error or a refusal) before it is saved to docs/screens.
/// </summary>
public sealed class ScreensTests(E2EFixture fixture)
{
    public static TheoryData<string, string, string, string> CitizenPages => new()
    {
        { "/", "citizen-home", "h1", "The start page: chat, visual ARS, web call, desk and wallboard." },
        { "/ars", "citizen-ars", "h1", "The visual ARS (보이는 ARS): the phone menu as a page." },
        { "/call", "citizen-call", "h1", "The web call page: talk to a counsellor from the browser." },
    };

    public static TheoryData<string, string, string> StaffPages => new()
    {
        { "/analytics", "staff-analytics", "Complaint analytics: contacts by day, channel, category and district map, ad-hoc table." },
        { "/admin/knowledge", "staff-admin-knowledge", "Knowledge base editor: articles the bot and 상담도우미 answer from." },
        { "/admin/ars", "staff-admin-ars", "Visual ARS menu editor: one menu tree for web and voice." },
        { "/admin/ars/analytics", "staff-admin-ars-analytics", "Visual ARS use: visits, paths and self-service receipts." },
        { "/admin/quality", "staff-admin-quality", "The quality scorecard editor (items and weights)." },
        { "/quality/disputes", "staff-quality-disputes", "Disputed quality findings for supervisors to decide." },
        { "/quality/me", "staff-quality-me", "A counsellor's own quality scores." },
    };

    [Theory]
    [MemberData(nameof(CitizenPages))]
    public async Task A_citizen_page_is_pictured_on_the_phone(string path, string name, string ready, string line)
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.CitizenAsync();
        var page = await phone.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, name, path + " (phone)", line);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_staff_page_is_pictured_on_the_desktop(string path, string name, string line)
    {
        fixture.RequireBrowser();
        await using var staff = await fixture.StaffAsync();
        var page = await staff.NewPageAsync();
        // Not every staff page marks its circuit live (data-interactive), so this waits for the page's heading instead.
        await StaffDesk.SignInToAsync(page, "admin", "minwon-demo-4", path);
        await Expect(page.Locator("main :is(h1, h2)").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(page.GetByText("이 화면을 열 권한이 없습니다")).ToHaveCountAsync(0);
        await Screens.CaptureAsync(page, name, path + " (desktop)", line);
    }
}
