using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>
/// docs/load.md, "Bounded work in flight": with every permit of <see cref="MessagePostLimiter"/> taken, a message post
/// (citizen REST, counsellor REST, citizen hub) is refused at once with 503, Retry-After and a clear reason, nothing is
/// stored, and a post that waited in the queue finishes when a permit comes back. The permits are held by the test
/// itself, so nothing depends on how fast the machine is.
/// </summary>
public sealed class MessagePostLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_every_permit_taken_posts_are_answered_503_with_Retry_After_and_nothing_is_stored()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chat:MaxPostsInFlight"] = "1",
            ["Minwon:Chat:PostQueueLength"] = "0",
        });
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var before = await app.SnapshotAsync(chat.ConversationId);
        var limiter = app.Services.GetRequiredService<MessagePostLimiter>();
        Assert.Equal(1, limiter.PermitLimit);

        await using var hub = app.CitizenHub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<List<MessageDto>>("Join", chat.Token, 0, Ct);

        using (await limiter.EnterAsync(Ct))
        {
            foreach (var response in new[]
            {
                await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("지금 보내져요?", "busy-1"), Ct),
                await counsellor.Http.PostAsJsonAsync($"/api/conversations/{chat.ConversationId}/messages", new PostMessageRequest("답변입니다", "busy-2"), Ct),
            })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
                Assert.Equal(503, problem!.Status);
                Assert.Equal(MessagePostLimiter.Refusal, problem.Detail);
            }

            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MessageDto>("Send", chat.Token, "busy-3", "허브로 보내요", Ct));
            Assert.Contains(MessagePostLimiter.Refusal, refused.Message, StringComparison.Ordinal);

            // Bad input is still answered 400, not 503: it needs no permit.
            var empty = await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("  ", "busy-4"), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        Assert.Equal(before, await app.SnapshotAsync(chat.ConversationId));

        // The permit is back: the same messages go through, each once.
        var stored = await citizen.SayAsync(chat.Token, "지금 보내져요?", "busy-1");
        var sent = await hub.InvokeAsync<MessageDto>("Send", chat.Token, "busy-3", "허브로 보내요", Ct);
        Assert.Equal(before.LastSeq + 1, stored.Seq);
        Assert.Equal(before.LastSeq + 2, sent.Seq);
        Assert.Equal(2, (await app.MessagesOfAsync(chat.ConversationId)).Count(m => m.Kind == MessageKind.Text && m.ClientMessageId is "busy-1" or "busy-3"));
    }

    [Fact]
    public async Task A_post_that_waits_in_the_queue_finishes_when_a_permit_comes_back()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chat:MaxPostsInFlight"] = "1",
            ["Minwon:Chat:PostQueueLength"] = "1",
            // Long enough for any machine: the test hands the permit back itself.
            ["Minwon:Chat:PostQueueWaitMilliseconds"] = "60000",
        });
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen);
        var limiter = app.Services.GetRequiredService<MessagePostLimiter>();

        Task<HttpResponseMessage> waiting;
        using (await limiter.EnterAsync(Ct))
        {
            waiting = citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("기다렸다 보내요", "queued-1"), Ct);
            for (var wait = 0; limiter.Queued == 0; wait++)
            {
                Assert.True(wait < 600 && !waiting.IsCompleted, "the post never reached the queue");
                await Task.Delay(50, Ct);
            }

            // The queue holds one: a second post while the first waits is refused at once.
            var second = await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("두 번째", "queued-2"), Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
            Assert.False(waiting.IsCompleted, "the queued post was answered while the permit was still held");
        }

        var response = await waiting;
        await ChatApi.ExpectAsync(HttpStatusCode.OK, response);
        Assert.Single(await app.MessagesOfAsync(chat.ConversationId), m => m.ClientMessageId == "queued-1");
    }

    [Theory]
    [InlineData(null, 16)]
    [InlineData("", 16)]
    [InlineData("Host=127.0.0.1;Username=minwon", 50)]
    [InlineData("Host=127.0.0.1;Username=minwon;Maximum Pool Size=40", 20)]
    public void The_default_posts_in_flight_are_per_provider(string? postgres, int expected) =>
        // SQLite 16: measured against 8 and 32 (docs/benchmarks/load.md); PostgreSQL half the pool.
        Assert.Equal(expected, Minwon.Server.Features.Conversations.MessagePostLimiter.DefaultPermits(postgres));
}
