using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using Minwon.E2E.VisualArs;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Languages;

/// <summary>Issue 16 item 3: axe-core finds nothing serious or critical on /ars in each of its languages and states.</summary>
public sealed class ArsAccessibilityTests(ArsE2EFixture fixture) : IClassFixture<ArsE2EFixture>
{
    [Theory]
    [InlineData("ko", "접수하기", "조회하기", "접수번호", "전화번호 뒷자리 4개")]
    [InlineData("en", "Submit", "Look up", "Receipt number", "Last 4 digits of your phone")]
    [InlineData("zh", "提交", "查询", "受理编号", "电话号码后4位")]
    [InlineData("ja", "送信する", "確認する", "受付番号", "電話番号の下4桁")]
    [InlineData("vi", "Gửi đơn", "Tra cứu", "Số tiếp nhận", "4 số cuối điện thoại")]
    public async Task The_visual_ars_has_no_serious_accessibility_finding_in_any_state(string language, string submit, string lookup,
        string receiptLabel, string last4Label)
    {
        fixture.RequireBrowser();
        await using var context = await fixture.PhoneAsync();
        var page = await context.NewPageAsync();
        var lang = language == "ko" ? "" : "?lang=" + language;

        await page.GotoAsync("/ars" + lang);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", menu");

        await page.GotoAsync("/ars/search?q=" + Uri.EscapeDataString("불법주차") + (language == "ko" ? "" : "&lang=" + language));
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", search results");
        await page.GotoAsync("/ars/search?q=zzzzqqq" + (language == "ko" ? "" : "&lang=" + language));
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", no results");

        await page.GotoAsync("/ars/n/bulky-waste" + lang);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", form");
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", form errors");

        await page.GotoAsync("/ars/n/no-such-menu" + lang);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", unknown menu");

        await page.GotoAsync("/ars/status" + lang);
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", status lookup");
        await page.GetByLabel(receiptLabel, new() { Exact = true }).FillAsync("2026-0101-000001");
        await page.GetByLabel(last4Label).FillAsync("9999");
        await page.GetByRole(AriaRole.Button, new() { Name = lookup }).ClickAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(page, language + ", status not found");
    }
}
