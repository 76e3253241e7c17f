using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Infrastructure;

/// <summary>The citizen's web chat page (wwwroot/chat), driven the way a person would.</summary>
public sealed class CitizenChat(IPage page)
{
    public IPage Page => page;

    public ILocator Status => page.Locator("#status");

    public ILocator Messages => page.Locator("#messages > li");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/chat");
        await Expect(page.Locator("#start")).ToBeVisibleAsync();
    }

    public async Task StartAsync(string name, string topic)
    {
        await RequestStartAsync(name, topic);
        await Expect(page.Locator("#chat")).ToBeVisibleAsync();
    }

    /// <summary>Fills the start form and submits it, without expecting the center to accept.</summary>
    public async Task RequestStartAsync(string name, string topic)
    {
        await page.GetByLabel("이름 (선택)").FillAsync(name);
        await page.GetByLabel("문의 내용 (선택)").FillAsync(topic);
        await page.GetByRole(AriaRole.Button, new() { Name = "상담 시작" }).ClickAsync();
    }

    public async Task SendAsync(string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#send").ClickAsync();
    }

    /// <summary>Waits until a message with exactly this text has been stored and rendered with its sequence number.</summary>
    public Task WaitForAsync(string text, float? timeout = null) =>
        Expect(page.Locator("#messages > li[data-seq] .bubble").GetByText(text, new() { Exact = true }))
            .ToHaveCountAsync(1, new() { Timeout = timeout });

    public Task<List<ChatLine>> ReadAsync() => ChatLine.ReadAsync(page, "#messages");
}
