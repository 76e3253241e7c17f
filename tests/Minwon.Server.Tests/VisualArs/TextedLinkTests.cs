using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Tests.VisualArs;

public sealed class TextedLinkTests(ArsAppFactory factory) : IClassFixture<ArsAppFactory>
{
    private async Task<HttpResponseMessage> AskForLinkAsync(HttpClient client, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ars/links") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Texts_a_signed_link_that_opens_the_menu_for_that_call()
    {
        using var browser = ArsBrowser.Open(factory);

        var response = await AskForLinkAsync(browser.Http, ArsAppFactory.ApiKey, new { callId = "pbx-20261128-77", phoneNumber = "010-4444-9876" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<SendArsLinkResponse>(TestContext.Current.CancellationToken))!;
        var sms = factory.Services.GetRequiredService<FakeSmsGateway>().Sent.Last();
        Assert.Equal("010-4444-9876", sms.Phone);
        Assert.Contains(link.Url, sms.Text);
        var open = await browser.Http.GetAsync(new Uri(link.Url).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/ars", open.Headers.Location?.ToString());
        Assert.Contains(open.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ars_call=", StringComparison.Ordinal));
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");
        await browser.PostFormAsync("/ars/n/bulky-waste", token, SelfServiceFormTests.BulkyWaste("010-4444-9876"));
        await using var scope = factory.Services.CreateAsyncScope();
        var submission = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>().Set<ArsSubmission>()
            .SingleAsync(s => s.PhoneLast4 == "9876", TestContext.Current.CancellationToken);
        Assert.Equal("pbx-20261128-77", submission.CallId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    public async Task Refuses_the_telephony_api_without_the_right_key(string? key)
    {
        using var client = factory.CreateClient();

        var response = await AskForLinkAsync(client, key, new { callId = "c1", phoneNumber = "010-4444-9876" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("c1", "02-120-1200")]
    [InlineData("c1", "not a phone")]
    [InlineData("bad call id!", "010-4444-9876")]
    [InlineData("", "010-4444-9876")]
    public async Task Refuses_a_link_request_for_a_landline_or_a_bad_call_id(string callId, string phone)
    {
        using var client = factory.CreateClient();

        var response = await AskForLinkAsync(client, ArsAppFactory.ApiKey, new { callId, phoneNumber = phone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/ars/l/Y2FsbC0xfDk5OTk5OTk5OTk.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/ars/l/garbage")]
    [InlineData("/ars/l/Y2FsbC0xfDE.pa40ikhQp4-yAEMAUAkjBg")]
    public async Task Shows_the_same_clear_page_for_a_forged_link_and_reveals_nothing(string url)
    {
        using var browser = ArsBrowser.Open(factory);

        var response = await browser.Http.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("링크가 만료되었거나 올바르지 않습니다", html);
        Assert.DoesNotContain("call-1", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ars_call", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ignores_a_call_id_cookie_the_citizen_made_up()
    {
        using var browser = ArsBrowser.Open(factory);
        browser.Http.DefaultRequestHeaders.Add("Cookie", "ars_call=pbx-someone-else");
        var (_, token) = await browser.GetPageAsync("/ars/n/bulky-waste");

        await browser.PostFormAsync("/ars/n/bulky-waste", token, SelfServiceFormTests.BulkyWaste("010-4444-5151"));

        await using var scope = factory.Services.CreateAsyncScope();
        var submission = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>().Set<ArsSubmission>()
            .SingleAsync(s => s.PhoneLast4 == "5151", TestContext.Current.CancellationToken);
        Assert.Null(submission.CallId);
    }

    [Fact]
    public async Task Shows_the_same_page_for_an_expired_link()
    {
        var keys = factory.Services.GetRequiredService<ArsLinkKeys>();
        var key = await keys.GetAsync(TestContext.Current.CancellationToken);
        var expired = Minwon.Core.VisualArs.ArsLinkToken.Create(key, "call-old", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var browser = ArsBrowser.Open(factory);

        var response = await browser.Http.GetAsync($"/ars/l/{expired}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("링크가 만료되었거나 올바르지 않습니다", html);
        Assert.DoesNotContain("call-old", html);
    }
}
