using System.Net;
using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Cross-site request forgery: a signed-in counsellor's browser on another site (or on another port of the same host,
/// which SameSite cookies do not stop) must not be able to act for them. The in-memory server is http://localhost.
/// </summary>
public sealed class CrossSiteRequestTests(CrossSiteRequestTests.App fixture) : IClassFixture<CrossSiteRequestTests.App>
{
    public const string EmbeddingSite = "https://www.seoul.go.kr";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App : IAsyncLifetime
    {
        public MinwonApp Server { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Server = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chat:AllowedOrigins:0"] = EmbeddingSite,
            ["Minwon:Ars:TelephonyApiKey"] = "test-telephony-key-1234",
        });

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    private MinwonApp Server => fixture.Server;

    /// <summary>What a browser sends for a form a page auto-submits: form body, the page's Origin, Sec-Fetch-Site.</summary>
    private static HttpRequestMessage FormPost(string path, string? origin, string? fetchSite, StaffMember? staff = null, Uri? baseAddress = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (staff is not null)
        {
            request.Headers.Add("Cookie", staff.CookieHeader(baseAddress!));
        }

        return request;
    }

    [Theory]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("http://localhost:5999", "same-site")]
    [InlineData("http://localhost:5999", null)]
    [InlineData("null", "cross-site")]
    public async Task A_forged_form_post_from_another_site_or_port_cannot_end_a_counsellors_chat(string origin, string? fetchSite)
    {
        var counsellor = await Server.CounsellorAsync();
        var chat = await Server.ServedChatAsync(counsellor);
        using var browser = Server.CreateDefaultClient();

        using var forged = await browser.SendAsync(
            FormPost($"/api/conversations/{chat.ConversationId}/end", origin, fetchSite, counsellor, Server.Server.BaseAddress), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal("assigned", (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.Status);
    }

    [Theory]
    [InlineData("http://localhost", "same-origin")]
    [InlineData("http://localhost", null)]
    [InlineData(null, null)]
    public async Task The_desk_itself_and_non_browser_clients_still_end_a_chat(string? origin, string? fetchSite)
    {
        var counsellor = await Server.CounsellorAsync();
        var chat = await Server.ServedChatAsync(counsellor);
        using var browser = Server.CreateDefaultClient();

        using var own = await browser.SendAsync(
            FormPost($"/api/conversations/{chat.ConversationId}/end", origin, fetchSite, counsellor, Server.Server.BaseAddress), Ct);

        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal(nameof(ConversationStatus.WrapUp).ToLowerInvariant(),
            (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.Status);
    }

    [Fact]
    public async Task Sign_out_needs_the_forms_token_and_a_cross_site_sign_out_keeps_the_session()
    {
        var counsellor = await Server.CounsellorAsync();
        using var browser = Server.CreateDefaultClient();
        using (var forged = await browser.SendAsync(FormPost("/account/logout", "http://localhost:5999", "same-site", counsellor, Server.Server.BaseAddress), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using (var tokenless = await counsellor.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        }

        using var stillSignedIn = await counsellor.Http.GetAsync("/api/presence", Ct);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Theory]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("/hubs/staff/negotiate?negotiateVersion=1")]
    public async Task The_staff_real_time_channels_refuse_foreign_origins_and_the_embedding_site(string path)
    {
        var counsellor = await Server.CounsellorAsync();
        using var http = Server.CreateDefaultClient();
        foreach (var (origin, refused) in new[]
        {
            ("https://evil.example", true), ("http://localhost:5999", true), (EmbeddingSite, true), ("http://localhost", false),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Cookie", counsellor.CookieHeader(Server.Server.BaseAddress));
            using var response = await http.SendAsync(request, Ct);
            Assert.True(refused == (response.StatusCode == HttpStatusCode.Forbidden), $"{path} from {origin}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_citizen_chat_opens_from_the_embedding_site_but_not_from_any_site()
    {
        using var http = Server.CreateDefaultClient();
        async Task<HttpStatusCode> StartFrom(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/conversations")
            {
                Content = JsonContent.Create(new StartChatRequest("ko", "시민", null, null, Counsellor: true)),
            };
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            using var response = await http.SendAsync(request, Ct);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Created, await StartFrom(EmbeddingSite));
        Assert.Equal(HttpStatusCode.Forbidden, await StartFrom("https://evil.example"));
    }

    [Fact]
    public async Task The_telephony_api_key_endpoint_keeps_working_whatever_the_origin()
    {
        using var http = Server.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ars/links")
        {
            Content = JsonContent.Create(new { callId = "pbx-csrf-1", phoneNumber = "010-4444-9876" }),
        };
        request.Headers.Add("X-Api-Key", "test-telephony-key-1234");
        request.Headers.Add("Origin", "https://pbx-console.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
