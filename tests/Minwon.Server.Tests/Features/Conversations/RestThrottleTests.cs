using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>The citizen REST API is limited per conversation, like the hub per connection.</summary>
public sealed class RestThrottleTests
{
    [Fact]
    public async Task A_citizen_flooding_one_conversation_over_http_gets_429_problem_details_and_nothing_more_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 130 && refused is null; i++)
        {
            var response = await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new { body = $"메시지 {i}" }, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var stored = await citizen.MessagesAsync(chat.Token);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), stored.Count(m => m.Sender == "citizen"));

        // Another citizen's conversation is not affected.
        using var other = app.CitizenClient();
        var second = await app.StartChatAsync(http: other);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync($"/api/chat/{second.Token}/messages", new { body = "안녕하세요" }, ct)).StatusCode);
    }
}
