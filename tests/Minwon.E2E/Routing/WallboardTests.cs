using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Routing;

public sealed class WallboardTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_wallboard_shows_the_waiting_count_rise_and_fall_live()
    {
        fixture.RequireBrowser();
        await using var staff = await fixture.StaffAsync();
        await using var phone = await fixture.CitizenAsync();
        var board = await staff.NewPageAsync();
        await board.GotoAsync("/login");
        await E2EFixture.ScreenshotAsync(board, "login");
        await StaffDesk.SignInAsync(board, "supervisor", "minwon-demo-3", "/wallboard");
        var waiting = board.Locator("#queues tbody tr").Filter(new() { HasText = Minwon.Server.Features.Routing.SeedDefaultQueues.GeneralQueue })
            .Locator("[data-field=waiting]");
        await Expect(waiting).ToHaveTextAsync("0");

        var citizen = new CitizenChat(await phone.NewPageAsync());
        await citizen.OpenAsync();
        await citizen.StartAsync("현황판확인", "수도 요금");
        await Expect(citizen.Status).ToContainTextAsync("대기 순번 1번");

        await Expect(waiting).ToHaveTextAsync("1");
        await E2EFixture.ScreenshotAsync(board, "wallboard");

        await citizen.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
        await Expect(waiting).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_counsellor_is_told_the_wallboard_is_for_supervisors()
    {
        fixture.RequireBrowser();
        await using var staff = await fixture.StaffAsync();
        var page = await staff.NewPageAsync();
        await StaffDesk.SignInAsync(page, "counsellor2", "minwon-demo-2", "/desk");

        await page.GotoAsync("/wallboard");

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("이 화면을 열 권한이 없습니다");
        await Expect(page.Locator("#queues")).ToHaveCountAsync(0);
    }
}
