using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Infrastructure;

/// <summary>The counsellor's Blazor desk (/desk), after signing in at /login.</summary>
public sealed class StaffDesk(IPage page)
{
    public IPage Page => page;

    public ILocator Receipt => page.Locator("#receipt");

    /// <summary>Signs in through the form and waits until the Blazor circuit is live (before that, clicks do nothing).</summary>
    public static async Task SignInAsync(IPage page, string userName, string password, string returnPath)
    {
        await SignInToAsync(page, userName, password, returnPath);
        // The page's own ready marker says when the circuit is live.
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// Signs in through /login and waits until the browser is on <paramref name="returnPath"/>, for pages without a
    /// live-circuit marker (the caller waits for what the page shows).
    /// </summary>
    public static async Task SignInToAsync(IPage page, string userName, string password, string returnPath)
    {
        await page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString(returnPath));
        await page.GetByLabel("아이디").FillAsync(userName);
        await page.GetByLabel("비밀번호").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        // Only until the navigation commits: the load event (and NetworkIdle, as Blazor keeps its WebSocket open) is a
        // fragile wait on a busy machine.
        await page.WaitForURLAsync("**" + returnPath, new() { WaitUntil = WaitUntilState.Commit });
    }

    public async Task SignInAsync(string userName, string password) => await SignInAsync(page, userName, password, "/desk");

    public async Task SetPresenceAsync(string value, string label)
    {
        await page.GetByLabel("상태", new() { Exact = true }).SelectOptionAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "적용" }).ClickAsync();
        await Expect(page.Locator("#presence-now")).ToHaveTextAsync(label);
    }

    public Task GoAvailableAsync() => SetPresenceAsync("Available", "상담 가능");

    public Task GoOfflineAsync() => SetPresenceAsync("Offline", "오프라인");

    /// <summary>Accepts the offer for the citizen with this name and opens the conversation.</summary>
    public async Task AcceptAsync(string contactName)
    {
        var offer = page.Locator("li.offered").Filter(new() { HasText = contactName });
        await Expect(offer).ToHaveCountAsync(1);
        await E2EFixture.ScreenshotAsync(page, "desk-offer");
        await offer.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
        await Expect(page.Locator("#reply")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { HasText = contactName })).ToBeVisibleAsync();
    }

    public async Task SendAsync(string text, bool pressEnter = false)
    {
        await page.Locator("#reply").FillAsync(text);
        if (pressEnter)
        {
            await page.Locator("#reply").PressAsync("Enter");
        }
        else
        {
            await page.Locator("#send").ClickAsync();
        }

        await WaitForAsync(text);
        await Expect(page.Locator("#reply")).ToHaveValueAsync("");
    }

    public Task WaitForAsync(string text, float? timeout = null) =>
        Expect(page.Locator("#chatlog > li[data-seq] .bubble").GetByText(text, new() { Exact = true }))
            .ToHaveCountAsync(1, new() { Timeout = timeout });

    /// <summary>Opens a conversation from the list on the left.</summary>
    public async Task OpenAsync(string contactName)
    {
        await page.Locator("li[data-conversation]").Filter(new() { HasText = contactName }).ClickAsync();
        await Expect(page.Locator("#reply")).ToBeVisibleAsync();
    }

    public Task<List<ChatLine>> ReadAsync() => ChatLine.ReadAsync(page, "#chatlog");

    /// <summary>Fills the case form (민원 기록) and closes; returns the receipt number shown.</summary>
    public async Task<string> CloseCaseAsync(string districtName, string summary)
    {
        var category = page.GetByLabel("분류", new() { Exact = true });
        var firstCategory = await category.Locator("option:not([value=''])").First.GetAttributeAsync("value");
        await category.SelectOptionAsync(firstCategory!);
        await page.GetByLabel("자치구", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = districtName });
        await page.GetByLabel("요약", new() { Exact = true }).FillAsync(summary);
        await page.GetByLabel("처리 결과", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "답변 완료" });
        await page.GetByRole(AriaRole.Button, new() { Name = "기록 저장 후 종결" }).ClickAsync();
        await Expect(Receipt).ToBeVisibleAsync();
        return (await Receipt.TextContentAsync())!.Trim();
    }
}
