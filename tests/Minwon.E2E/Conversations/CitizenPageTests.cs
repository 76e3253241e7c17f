using System.Globalization;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Conversations;

public sealed class CitizenPageTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_English_toggle_translates_the_page_and_the_queue_notice()
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.CitizenAsync();
        var citizen = new CitizenChat(await phone.NewPageAsync());
        await citizen.OpenAsync();

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(citizen.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(citizen.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seoul 120 Chat");
        await Expect(citizen.Page.GetByRole(AriaRole.Button, new() { Name = "한국어" })).ToBeVisibleAsync();
        await citizen.Page.GetByLabel("Name (optional)").FillAsync("Alex");
        await citizen.Page.GetByLabel("What is it about? (optional)").FillAsync("Foreigner registration");
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(citizen.Status).ToContainTextAsync("Place in queue");
        await Expect(citizen.Messages.Filter(new() { HasText = "You are in the queue." })).ToHaveCountAsync(1);
        await Expect(citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-chat-english-phone");

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
        await Expect(citizen.Status).ToHaveTextAsync("The chat has ended.");
        await Expect(citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_embed_script_opens_the_chat_on_a_city_web_page()
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.CitizenAsync();
        var page = await phone.NewPageAsync();
        var embed = new Uri(fixture.Server.BaseUrl, "/embed.js");
        using var city = new CityWebPage(
            $"""<!doctype html><html lang="ko"><meta name="viewport" content="width=device-width, initial-scale=1"><title>서울시</title><h1>서울특별시</h1><script src="{embed}" defer></script>""",
            E2EFixture.CitySite);
        await page.GotoAsync(city.Url.ToString());

        var open = page.GetByRole(AriaRole.Button, new() { Name = "120 채팅 상담" });
        await Expect(open).ToHaveAttributeAsync("aria-expanded", "false");
        await open.ClickAsync();

        await Expect(open).ToHaveAttributeAsync("aria-expanded", "true");
        var chat = page.FrameLocator("iframe[title='120 채팅 상담']");
        await chat.GetByLabel("이름 (선택)").FillAsync("홈페이지방문자");
        await chat.GetByRole(AriaRole.Button, new() { Name = "상담 시작" }).ClickAsync();
        await Expect(chat.Locator("#status")).ToContainTextAsync("대기 순번");
        await E2EFixture.ScreenshotAsync(page, "embed-phone");
        await chat.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
        await Expect(chat.Locator("#status")).ToHaveTextAsync("상담이 종료되었습니다.");
    }

    [Fact]
    public async Task A_full_queue_refusal_is_shown_to_the_citizen()
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.CitizenAsync();
        var page = await phone.NewPageAsync();
        // The seeded queue holds 500 waiting chats; the refusal the server sends then is replayed here as is.
        await page.RouteAsync("**/api/chat/conversations", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"status":503,"title":"지금은 상담 대기가 가득 찼습니다.","detail":"잠시 후 다시 시도하시거나 120으로 전화해 주세요."}""",
        }));
        var citizen = new CitizenChat(page);
        await citizen.OpenAsync();

        await citizen.RequestStartAsync("대기자", "문의");

        var error = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "지금은 상담 대기가 가득 찼습니다." });
        await Expect(error).ToContainTextAsync("120으로 전화해 주세요");
        await Expect(page.Locator("#chat")).ToBeHiddenAsync();
        await Expect(page.Locator("#start")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Outside_opening_hours_the_citizen_is_told_the_center_is_closed()
    {
        fixture.RequireBrowser();
        // A one-minute window two hours from now (Seoul time), so the center is closed whenever the test runs.
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var opens = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), seoul).AddHours(2);
        var window = $"{opens:HH}:00-{opens:HH}:01".ToString(CultureInfo.InvariantCulture);
        await using var closed = await MinwonServer.StartAsync([$"--Minwon:Chat:OpenHours={window}"], TestContext.Current.CancellationToken);
        await using var phone = await fixture.CitizenAsync(closed.BaseUrl);
        var citizen = new CitizenChat(await phone.NewPageAsync());
        await citizen.OpenAsync();

        await citizen.RequestStartAsync("야간시민", "여권 발급");

        var error = citizen.Page.GetByRole(AriaRole.Alert);
        await Expect(error).ToContainTextAsync("지금은 상담 시간이 아닙니다.");
        await Expect(error).ToContainTextAsync(window);
        await Expect(citizen.Page.Locator("#chat")).ToBeHiddenAsync();
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-closed-phone");

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(error).ToContainTextAsync("Chat is not available right now.");
    }
}
