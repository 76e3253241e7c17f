using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace Minwon.Server.Tests.VisualArs;

public sealed class StatusLookupTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private static async Task<string> FileAsync(ArsBrowser browser, string phone)
    {
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");
        var response = await browser.PostFormAsync("/ars/n/bulky-waste", token, SelfServiceFormTests.BulkyWaste(phone));
        var (page, _) = await browser.GetPageAsync(response.Headers.Location!.ToString());
        return Regex.Match(page, @"id=""receipt-number"">([0-9-]+)<").Groups[1].Value;
    }

    [Fact]
    public async Task Shows_a_request_to_whoever_has_both_the_receipt_number_and_the_phone_digits()
    {
        using var browser = ArsBrowser.Open(factory);
        var receipt = await FileAsync(browser, "010-7777-4321");
        using var other = ArsBrowser.Open(factory);
        var (_, token) = await other.GetPageAsync("/ars/status");

        var found = await other.PostFormAsync("/ars/status", token, [new("receipt", receipt), new("last4", "4321")]);
        var wrongDigits = await other.PostFormAsync("/ars/status", token, [new("receipt", receipt), new("last4", "4320")]);
        var digitsOnly = await other.PostFormAsync("/ars/status", token, [new("receipt", ""), new("last4", "4321")]);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var html = await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(receipt, html);
        Assert.Contains("대형폐기물 배출 신고", html);
        Assert.Contains("접수됨", html);
        Assert.Equal(HttpStatusCode.NotFound, wrongDigits.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, digitsOnly.StatusCode);
        var miss = await wrongDigits.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("일치하는 접수 내역이 없습니다", miss);
        Assert.DoesNotContain("대형폐기물 배출 신고", miss);
    }

    [Fact]
    public async Task Does_not_show_anything_for_a_guessed_lookup_token()
    {
        using var browser = ArsBrowser.Open(factory);

        var response = await browser.Http.GetAsync("/ars/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stops_a_guesser_after_the_lookup_budget_is_spent()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Minwon:Ars:LookupsPerWindow", "3"));
        using var browser = ArsBrowser.Open(limited);
        var (_, token) = await browser.GetPageAsync("/ars/status");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await browser.PostFormAsync("/ars/status", token, [new("receipt", $"2026-1128-00000{i}"), new("last4", "1234")]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
