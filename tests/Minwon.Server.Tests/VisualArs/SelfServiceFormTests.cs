using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class SelfServiceFormTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private static readonly string Tomorrow = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd");

    internal static KeyValuePair<string, string>[] BulkyWaste(string phone = "010-2345-6789") =>
    [
        new("district", "11440"), new("address", "서울 마포구 월드컵북로 400"), new("items", "3인용 소파 1개, 장롱 1개"),
        new("date", Tomorrow), new("phone", phone),
    ];

    [Fact]
    public async Task Files_a_bulky_waste_request_as_a_self_service_case_with_a_receipt_number()
    {
        using var browser = ArsBrowser.Open(factory);
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");

        var response = await browser.PostFormAsync("/ars/n/bulky-waste", token, BulkyWaste());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, _) = await browser.GetPageAsync(response.Headers.Location!.ToString());
        var receipt = System.Text.RegularExpressions.Regex.Match(page, @"id=""receipt-number"">(\d{4}-\d{4}-\d{6})<").Groups[1].Value;
        Assert.NotEmpty(receipt);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var filed = await db.Set<Case>().SingleAsync(c => c.ReceiptNumber == receipt, TestContext.Current.CancellationToken);
        Assert.Equal(CaseDisposition.SelfService, filed.Disposition);
        Assert.Equal("11440", filed.DistrictCode);
        Assert.Equal("ars", filed.Channel);
        Assert.Contains("배출 품목: 3인용 소파 1개, 장롱 1개", filed.Summary);
        Assert.Contains("자치구: 마포구", filed.Summary);
        var category = await db.Set<Minwon.Server.Features.Reference.Category>().SingleAsync(c => c.Id == filed.CategoryId, TestContext.Current.CancellationToken);
        Assert.Equal("대형폐기물", category.Minor);
    }

    [Fact]
    public async Task A_self_service_receipt_counts_in_the_analytics_total()
    {
        using var browser = ArsBrowser.Open(factory);
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/ars/n/bulky-waste", token, BulkyWaste("010-3456-7890"))).StatusCode);

        // The rollup worker of the app reads the event log; every ARS receipt filed so far must reach the "접수" total.
        int filed = 0, counted = 0, selfService = 0;
        for (var i = 0; i < 150 && (counted < filed || filed == 0); i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            filed = await db.Set<Case>().CountAsync(c => c.Channel == "ars", TestContext.Current.CancellationToken);
            var rollups = await db.Set<Minwon.Server.Features.Analytics.HourlyRollup>().Where(r => r.Channel == "ars").ToListAsync(TestContext.Current.CancellationToken);
            counted = rollups.Sum(r => r.Contacts);
            selfService = rollups.Sum(r => r.BotResolved);
        }

        Assert.True(filed >= 1);
        Assert.Equal(filed, counted);
        Assert.True(selfService >= 1);
    }

    [Fact]
    public async Task Gives_every_one_of_several_simultaneous_requests_its_own_receipt_number()
    {
        var browsers = Enumerable.Range(0, 6).Select(_ => ArsBrowser.Open(factory)).ToList();
        var tokens = new List<string>();
        foreach (var browser in browsers)
        {
            tokens.Add((await browser.GetPageAsync("/ars/n/bulky-waste")).Token);
        }

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.PostFormAsync("/ars/n/bulky-waste", tokens[i], BulkyWaste($"010-6000-{i:D4}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = factory.Services.CreateAsyncScope();
        var receipts = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArsSubmission>()
            .Where(s => s.PhoneLast4.StartsWith("000")).Select(s => s.ReceiptNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(6, receipts.Distinct().Count());
        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Refuses_bad_answers_with_Korean_messages_and_keeps_what_the_citizen_typed()
    {
        using var browser = ArsBrowser.Open(factory);
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");

        var response = await browser.PostFormAsync("/ars/n/bulky-waste", token,
            [new("district", ""), new("address", "마포구 <b>성산동</b> 123"), new("items", "냉장고"), new("date", "2020-01-01"), new("phone", "12345")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("자치구를 선택해 주세요.", html);
        Assert.Contains("연락처는 010-1234-5678처럼 숫자로 입력해 주세요.", html);
        Assert.Contains("이후여야 합니다", html);
        Assert.Contains("value=\"마포구 &lt;b&gt;성산동&lt;/b&gt; 123\"", html);
        Assert.Contains(">냉장고</textarea>", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArsSubmission>()
            .AnyAsync(s => s.DataJson.Contains("냉장고"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Refuses_a_form_post_without_the_antiforgery_token()
    {
        using var browser = ArsBrowser.Open(factory);
        await browser.GetPageAsync("/ars/n/bulky-waste");

        var response = await browser.PostFormAsync("/ars/n/bulky-waste", "forged", BulkyWaste("010-9999-4040"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("페이지가 만료되었습니다", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<ArsSubmission>()
            .AnyAsync(s => s.PhoneLast4 == "4040", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Files_a_callback_request_as_a_case_waiting_for_a_call()
    {
        using var browser = ArsBrowser.Open(factory);
        await browser.GetPageAsync("/ars/n/water-bill");
        var (_, token) = await browser.GetPageAsync("/ars/n/callback");

        var response = await browser.PostFormAsync("/ars/n/callback", token,
            [new("phone", "010-5555-0101"), new("preferredTime", "evening"), new("topic", "수도요금이 갑자기 많이 나왔어요")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, _) = await browser.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("콜백 대기", page);
        await using var scope = factory.Services.CreateAsyncScope();
        var filed = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Case>()
            .SingleAsync(c => c.Summary.Contains("수도요금이 갑자기"), TestContext.Current.CancellationToken);
        Assert.Equal(CaseDisposition.CallbackNeeded, filed.Disposition);
        Assert.Contains("통화 희망 시간: 저녁 (18~21시)", filed.Summary);
        Assert.Contains("거쳐 온 메뉴: 수도요금 안내 > 콜백 요청", filed.Summary);
    }
}
