using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>Errors reach every client with their own status: a browser asking for HTML still gets the API's 404, not a 500;
/// anonymous endpoints refuse bodies far larger than they need.</summary>
public sealed class ErrorResponseTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8")]
    [InlineData("image/png")]
    public async Task An_api_not_found_reaches_a_browser_as_a_404_problem(string accept)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var http = app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chat/no-such-token/messages");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/desk/no/such/thing")]
    public async Task An_unknown_page_reaches_a_browser_as_a_korean_html_404_with_a_link_home(string path)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var http = app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"ko\"", html, StringComparison.Ordinal);
        Assert.Contains("페이지를 찾을 수 없습니다", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"icon\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page", "application/json")]
    [InlineData("/no-such-page", null)]
    [InlineData("/api/no-such-endpoint", "text/html,application/xhtml+xml,*/*;q=0.8")]
    [InlineData("/api/no-such-endpoint", "application/json")]
    public async Task An_unknown_url_reaches_an_api_client_as_a_404_problem(string path, string? accept)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var http = app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_favicon_is_served_and_linked_from_every_layout()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var http = app.CreateDefaultClient();

        using var icon = await http.GetAsync("/favicon.svg", Ct);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var page in new[] { "/login", "/chat", "/call", "/ars" })
        {
            var html = await http.GetStringAsync(page, Ct);
            Assert.True(html.Contains("<link rel=\"icon\" href=\"/favicon.svg\"", StringComparison.Ordinal), $"{page} does not link the favicon");
        }
    }

    [Fact]
    public async Task Anonymous_chat_endpoints_refuse_oversized_bodies_with_413_on_the_real_server()
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-limits-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(dataDir);
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var padding = new string('a', 1024 * 1024);
            using var start = await http.PostAsync("/api/chat/conversations",
                new StringContent($"{{\"language\":\"ko\",\"name\":\"{padding}\",\"counsellor\":true}}", Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, start.StatusCode);
            Assert.Equal("application/problem+json", start.Content.Headers.ContentType?.MediaType);

            using var small = await http.PostAsync("/api/chat/conversations",
                new StringContent("{\"language\":\"ko\",\"name\":\"시민\",\"counsellor\":true}", Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.Created, small.StatusCode);
            var token = System.Text.Json.JsonDocument.Parse(await small.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("token").GetString();
            using var message = await http.PostAsync($"/api/chat/{token}/messages",
                new StringContent($"{{\"body\":\"{padding}\"}}", Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, message.StatusCode);
        }
        finally
        {
            MinwonApp.DeleteDataDir(dataDir);
        }
    }
}
