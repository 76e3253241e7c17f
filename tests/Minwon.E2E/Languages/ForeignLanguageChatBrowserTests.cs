using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Languages;

/// <summary>Issue 16 items 2 and 3 in the browser: the chat in five languages, language switching, lang per message, axe.</summary>
public sealed class ForeignLanguageChatBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_vietnamese_citizen_on_the_korean_page_gets_the_page_in_vietnamese_and_a_vietnamese_speaking_counsellor()
    {
        fixture.RequireBrowser();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await MinwonServer.StartAsync(["--Minwon:Chatbot:Enabled=true"], ct);
        await using var citizenContext = await fixture.CitizenAsync(server.BaseUrl);
        var citizen = new CitizenChat(await citizenContext.NewPageAsync());
        var name = "Lan" + Guid.NewGuid().ToString("N")[..6];
        await citizen.OpenAsync();
        await citizen.StartAsync(name, "");
        await citizen.SendAsync("Tôi bị mất hộ chiếu, tôi cần giúp đỡ");

        await Expect(citizen.Messages.Filter(new() { HasText = "tư vấn viên nói tiếng Việt" })).ToHaveCountAsync(1);
        await Expect(citizen.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc tư vấn" })).ToBeVisibleAsync();
        // Mixed-language conversation: the Korean greeting and the Vietnamese messages each carry their own lang.
        await Expect(citizen.Messages.First).ToHaveAttributeAsync("lang", "ko");
        await Expect(citizen.Messages.Filter(new() { HasText = "mất hộ chiếu" })).ToHaveAttributeAsync("lang", "vi");
        await Accessibility.AssertNoSeriousFindingsAsync(citizen.Page, "vi, queued");
        await E2EFixture.ScreenshotAsync(citizen.Page, "citizen-chat-vietnamese-phone");

        await using var deskContext = await fixture.StaffAsync(server.BaseUrl);
        var desk = new StaffDesk(await deskContext.NewPageAsync());
        await desk.SignInAsync("counsellor4", "minwon-demo-6");
        await desk.GoAvailableAsync();
        await desk.AcceptAsync(name);
        await Expect(citizen.Status).ToContainTextAsync("Bạn đang trò chuyện với tư vấn viên");
        await desk.SendAsync("Xin chào, tôi có thể giúp gì cho bạn?");
        await citizen.WaitForAsync("Xin chào, tôi có thể giúp gì cho bạn?");
        await Accessibility.AssertNoSeriousFindingsAsync(citizen.Page, "vi, with a counsellor");

        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc tư vấn" }).ClickAsync();
        await Expect(citizen.Status).ToContainTextAsync("Cuộc tư vấn đã kết thúc.");
        await Accessibility.AssertNoSeriousFindingsAsync(citizen.Page, "vi, ended");
        await desk.GoOfflineAsync();
    }

    [Theory]
    [InlineData("ko", "상담 시작", "상담 종료", "상담이 종료되었습니다.")]
    [InlineData("en", "Start chat", "End chat", "The chat has ended.")]
    [InlineData("zh", "开始咨询", "结束咨询", "咨询已结束。")]
    [InlineData("ja", "相談を始める", "相談を終了", "相談は終了しました。")]
    [InlineData("vi", "Bắt đầu tư vấn", "Kết thúc tư vấn", "Cuộc tư vấn đã kết thúc.")]
    public async Task The_chat_page_reads_in_each_language_with_no_serious_accessibility_finding_in_any_state(string language, string start, string leave, string ended)
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.CitizenAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/chat");
        await page.Locator("#lang-select").SelectOptionAsync(language);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = start })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", start form");

        await page.GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();
        await Expect(page.Locator("#chat")).ToBeVisibleAsync();
        await Expect(page.Locator("#messages > li").First).ToHaveAttributeAsync("lang", language);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", queued");

        await page.GetByRole(AriaRole.Button, new() { Name = leave }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(ended);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", ended");
    }
}
