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
