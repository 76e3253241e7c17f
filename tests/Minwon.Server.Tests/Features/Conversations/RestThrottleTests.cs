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
        // The bucket refills continuously (120 a minute), so the flood goes out ten at a time: on a slow, shared machine
        // one request after another could take long enough to be refilled as fast as it is spent.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var round = 0; round < 20 && refused is null; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new { body = $"메시지 {round}-{i}" }, ct)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            refused = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        }

        Assert.True(refused is not null, "No 429 among " + string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var stored = await citizen.MessagesAsync(chat.Token);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), stored.Count(m => m.Sender == "citizen"));

        // Another citizen's conversation is not affected.
        using var other = app.CitizenClient();
        var second = await app.StartChatAsync(http: other);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync($"/api/chat/{second.Token}/messages", new { body = "안녕하세요" }, ct)).StatusCode);
    }
}
