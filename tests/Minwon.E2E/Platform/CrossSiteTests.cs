using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Platform;

/// <summary>
/// Cross-site request forgery in a real browser: a page on another port of the same host is "same-site", so Chromium
/// sends the SameSite=Strict staff cookie with its auto-submitted form. The server must refuse it anyway.
/// </summary>
public sealed class CrossSiteTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_page_on_another_port_cannot_sign_a_counsellor_out_with_an_auto_submitted_form()
    {
        fixture.RequireBrowser();
        await using var staff = await fixture.StaffAsync();
        var page = await staff.NewPageAsync();
        await StaffDesk.SignInAsync(page, "counsellor2", "minwon-demo-2", "/desk");

        var target = new Uri(fixture.Server.BaseUrl, "/account/logout");
        var samePort = new UriBuilder(fixture.Server.BaseUrl) { Port = MinwonServer.FreePort() }.Uri;
        using var evil = new CityWebPage(
            $"""<!doctype html><title>prize</title><form id="f" method="post" action="{target}"><input name="x" value="1"></form><script>document.getElementById("f").submit()</script>""",
            samePort);
        var forged = await page.RunAndWaitForResponseAsync(() => page.GotoAsync(evil.Url.ToString()), r => r.Url == target.ToString());
        Assert.Equal(403, forged.Status);

        await page.GotoAsync(new Uri(fixture.Server.BaseUrl, "/desk").ToString());
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await Expect(page.Locator("form.logout .who")).ToHaveTextAsync("counsellor2");
    }
}
