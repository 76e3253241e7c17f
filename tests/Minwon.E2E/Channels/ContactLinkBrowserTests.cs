using System.Globalization;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Channels;

/// <summary>
/// Issue 15 item 5 on the desk: a citizen in web chat says they also texted 120; the counsellor links their SMS contact by
/// the phone number, the history then shows the SMS conversation with its channel label, and the undo takes it out again.
/// </summary>
public sealed class ContactLinkBrowserTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_counsellor_links_the_citizens_sms_contact_and_the_desk_history_shows_the_sms_conversation()
    {
        fixture.RequireBrowser();
        var number = "010-" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "-"
            + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        await using var chat = await Consultation.ConnectAsync(fixture, "counsellor1", "minwon-demo-1", "가로등 고장");
        var desk = chat.Desk.Page;

        // The citizen's earlier text message, through the SMS gateway webhook (Development's demo key).
        var sms = await desk.Context.APIRequest.PostAsync(new Uri(fixture.Server.BaseUrl, "/api/channels/sms/inbound").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = "minwon-demo-sms-key" },
            DataObject = new
            {
                messageId = "e2e-" + Guid.NewGuid().ToString("N"), from = number, to = "1588-0120", text = "가로등이 꺼져 있어요",
                receivedAt = "2026-12-06T09:00:00+09:00",
            },
        });
        Assert.Equal(202, sms.Status);

        var history = desk.Locator(".contact-history");
        await Expect(history).ToBeVisibleAsync();
        await Expect(history.Locator("li[data-channel='sms']")).ToHaveCountAsync(0);
        await history.GetByText("다른 채널의 연락처 연결").ClickAsync();
        await desk.Locator("#link-identifier").FillAsync(number);
        await desk.Locator("#link-reason").FillAsync("문자로 보낸 확인번호 확인");

        // The webhook is answered before the inbound consumer makes the contact; until then the link is refused (404).
        var smsLine = history.Locator("li[data-channel='sms']");
        for (var attempt = 1; ; attempt++)
        {
            await history.Locator("button.link").ClickAsync();
            try
            {
                await smsLine.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 2_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 30)
            {
                await Expect(history.Locator("p.error")).ToContainTextAsync("연결할 연락처를 찾을 수 없습니다");
            }
        }

        await Expect(smsLine.Locator(".channel-label")).ToHaveTextAsync("문자");
        await Expect(smsLine.Locator(".linked-mark")).ToHaveTextAsync("연결된 연락처");
        await Expect(history.Locator(".linked-contacts li")).ToContainTextAsync("전화번호");
        await Expect(history).Not.ToContainTextAsync(number);
        await E2EFixture.ScreenshotAsync(desk, "desk-contact-history");

        await history.Locator("button.unlink").ClickAsync();
        await Expect(smsLine).ToHaveCountAsync(0);
        await Expect(history.Locator("[role=status]")).ToHaveTextAsync("연결을 해제했습니다.");

        // The bot handed the text message to a counsellor: closed here so later tests find no extra conversation waiting.
        var offer = desk.Locator("li.offered").Filter(new() { HasText = "문자 상담" });
        try
        {
            await offer.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            return;
        }

        var id = await offer.GetAttributeAsync("data-conversation");
        await PostAsync(desk, fixture.Server.BaseUrl, $"/api/conversations/{id}/accept", null);
        await PostAsync(desk, fixture.Server.BaseUrl, $"/api/conversations/{id}/close", new { summary = "문자 상담 정리", disposition = "Answered" });
    }

    private static async Task PostAsync(IPage page, Uri baseUrl, string path, object? body)
    {
        var response = await page.Context.APIRequest.PostAsync(new Uri(baseUrl, path).ToString(), new() { DataObject = body ?? new { } });
        Assert.True(response.Ok, $"POST {path}: {response.Status} {await response.TextAsync()}");
    }
}
