using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Minwon.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.VisualArs;

/// <summary>A citizen on a phone: from the texted link through the menu to a filed request, its status, and a counsellor.</summary>
public sealed class VisualArsBrowserTests(ArsE2EFixture fixture) : IClassFixture<ArsE2EFixture>
{
    private async Task<string> TextedLinkAsync(string callId)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ars/links")
        {
            Content = JsonContent.Create(new { callId, phoneNumber = "010-2222-3333" }),
        };
        request.Headers.Add("X-Api-Key", ArsE2EFixture.ApiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, fixture.LogTail);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("url").GetString()!;
    }

    private static string Shot(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [Fact]
    public async Task Finishes_a_bulky_waste_request_from_a_texted_link_and_looks_it_up()
    {
        fixture.RequireBrowser();
        var link = await TextedLinkAsync("pbx-e2e-0001");
        await using var context = await fixture.PhoneAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(new Regex("/ars$"));
        await page.ScreenshotAsync(new() { Path = Shot("ars-home.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "생활" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "현재 위치" })).ToContainTextAsync("처음");
        await page.GetByRole(AriaRole.Link, new() { Name = "대형폐기물 배출 신고" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("대형폐기물 배출 신고");

        await page.ScreenshotAsync(new() { Path = Shot("ars-menu-form.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "접수하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("배출 장소 주소를 입력해 주세요.");
        await page.ScreenshotAsync(new() { Path = Shot("ars-form-errors.png") });

        await page.GetByLabel("자치구").SelectOptionAsync(new SelectOptionValue { Label = "마포구" });
        await page.GetByLabel("배출 장소 주소").FillAsync("서울 마포구 월드컵북로 400 101동 앞");
        await page.GetByLabel("배출 품목").FillAsync("3인용 소파 1개, 식탁 의자 2개");
        await page.GetByLabel("배출 희망일").FillAsync(DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));
        await page.GetByLabel("연락처").FillAsync("010-2222-3333");
        await page.GetByRole(AriaRole.Button, new() { Name = "접수하기" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("접수되었습니다");
        var receipt = (await page.Locator("#receipt-number").TextContentAsync())!;
        await page.ScreenshotAsync(new() { Path = Shot("ars-receipt.png") });
        Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", receipt);

        await page.GotoAsync("/ars/status");
        await page.GetByLabel("접수번호").FillAsync(receipt);
        await page.GetByLabel("전화번호 뒷자리 4개").FillAsync("3333");
        await page.GetByRole(AriaRole.Button, new() { Name = "조회하기" }).ClickAsync();
        await Expect(page.Locator("#case-state")).ToContainTextAsync("접수됨");
        await Expect(page.Locator("#receipt-number")).ToHaveTextAsync(receipt);
    }

    [Fact]
    public async Task Searches_the_whole_menu_and_goes_back_by_the_breadcrumb()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ars");

        await page.GetByLabel("메뉴 검색").FillAsync("불법주차");
        await page.GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "불법주정차 신고" }).First.ClickAsync();
        await Expect(page.GetByLabel("차량 번호")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "현재 위치" }).GetByRole(AriaRole.Link, new() { Name = "교통" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("교통");
        await page.GetByText("← 이전").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("120 다산콜 보이는 ARS");
    }

    [Fact]
    public async Task Hands_off_to_a_counsellor_chat_with_what_was_typed()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ars/n/water-move");
        await page.GetByLabel("고객번호").FillAsync("123456789");
        await page.GetByLabel("주소").FillAsync("중구 세종대로 110");

        await page.GetByRole(AriaRole.Button, new() { Name = "작성한 내용으로 상담사와 채팅" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/chat$"), new() { Timeout = 10_000 });
        await Expect(page.Locator("#chat")).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("대기", new() { Timeout = 20_000 });
        Assert.False(await page.Locator("#start").IsVisibleAsync());
    }

    [Fact]
    public async Task Loads_the_first_page_in_under_100_kilobytes()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.PhoneAsync();
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.RequestFinished += (_, r) => requests.Add(r);

        await page.GotoAsync("/ars", new() { WaitUntil = WaitUntilState.NetworkIdle });

        long total = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        TestContext.Current.SendDiagnosticMessage($"/ars first page: {requests.Count} requests, {total} bytes transferred");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "ars-page-weight.txt"), $"{requests.Count} requests, {total} bytes\n");
        Assert.InRange(requests.Count, 1, 4);
        Assert.True(total < 100 * 1024, $"/ars transferred {total} bytes");
    }

    [Fact]
    public async Task Lets_an_administrator_rename_a_menu_and_publish_it_without_a_deploy()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.DesktopAsync();
        var page = await context.NewPageAsync();
        await StaffDesk.SignInToAsync(page, "admin", "minwon-demo-4", "/admin/ars");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "보이는 ARS 메뉴 편집" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ars-editor[data-interactive='true']")).ToBeAttachedAsync(new() { Timeout = 20_000 });

        await page.Locator("button[data-node='water']").ClickAsync();
        await Expect(page.Locator("#node-label-ko")).ToHaveValueAsync("상하수도");
        await page.Locator("#node-label-ko").FillAsync("수도·하수도");
        await page.Locator("#node-label-ko").BlurAsync();
        await page.ScreenshotAsync(new() { Path = Shot("ars-admin-editor.png"), FullPage = true });
        await page.Locator("#publish").ClickAsync();
        await Expect(page.Locator("#ars-message")).ToContainTextAsync("게시했습니다");

        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync("/ars");
        await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "수도·하수도" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Shows_supervisors_where_citizens_drop_out()
    {
        fixture.RequireBrowser();
        await using (var phone = await fixture.PhoneAsync())
        {
            var citizen = await phone.NewPageAsync();
            await citizen.GotoAsync("/ars");
            await citizen.GotoAsync("/ars/n/water");
            await citizen.GotoAsync("/ars/n/water-outage");
        }

        await using var context = await fixture.DesktopAsync();
        var page = await context.NewPageAsync();
        await StaffDesk.SignInToAsync(page, "supervisor", "minwon-demo-3", "/admin/ars/analytics");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "보이는 ARS 메뉴 분석" })).ToBeVisibleAsync();
        var row = page.Locator("#ars-nodes tr", new() { HasText = "단수 문의" });
        await Expect(row).ToBeVisibleAsync();
        Assert.True(int.Parse((await row.Locator("td").Nth(4).TextContentAsync())!) >= 1, "the drop-out at 단수 문의 is counted");
        await page.ScreenshotAsync(new() { Path = Shot("ars-analytics.png"), FullPage = true });
    }
}
