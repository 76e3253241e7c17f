using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Ui;

/// <summary>Staff pages on a 390×844 phone: the header navigation stays readable (no link broken one character per line).</summary>
public sealed class PhoneLayoutTests(E2EFixture fixture)
{
    [Theory]
    [InlineData("/desk")]
    [InlineData("/wallboard")]
    public async Task Staff_navigation_links_keep_their_words_on_one_line_at_390_px(string path)
    {
        fixture.RequireBrowser();
        await using var phone = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
        });
        var page = await phone.NewPageAsync();
        await StaffDesk.SignInAsync(page, "supervisor", "minwon-demo-3", path);

        var links = page.Locator("header.top nav a");
        await Expect(links.First).ToBeVisibleAsync();
        var count = await links.CountAsync();
        Assert.True(count >= 5, $"expected the supervisor's navigation, found {count} links");
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var text = (await link.InnerTextAsync()).Trim();
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            // One line of text per link: a link wrapped one character per line is taller than it is wide.
            // An inline link that wraps has one client rectangle per line.
            var lines = await link.EvaluateAsync<int>("a => a.getClientRects().length");
            Assert.True(box.Width > box.Height, $"nav link '{text}' is {box.Width:0}×{box.Height:0} px at 390 px wide");
            Assert.True(lines <= 1, $"nav link '{text}' wraps onto {lines} lines");
        }
        await E2EFixture.ScreenshotAsync(page, "phone-" + path.Trim('/'));
    }
}
