using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Routing;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Routing;

/// <summary>What happens to an offer nobody takes: declined or timed out, it goes to the next counsellor.</summary>
public sealed class OfferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_declined_offer_goes_to_the_next_counsellor_and_never_back(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var (a, b) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        await a.GoAvailableAsync();
        await b.GoAvailableAsync();
        var chat = await app.StartChatAsync();

        await app.RouteAsync();
        var (decliner, next) = (await a.MyConversationsAsync()).Count == 1 ? (a, b) : (b, a);
        await decliner.DeclineAsync(chat.ConversationId);
        Assert.Empty(await decliner.MyConversationsAsync());

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await next.MyConversationsAsync()).Id);
        await next.DeclineAsync(chat.ConversationId);
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        Assert.Empty(await decliner.MyConversationsAsync());
        using var citizen = app.CitizenClient();
        Assert.Equal("queued", (await citizen.StateAsync(chat.Token)).Status);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_offer_left_unanswered_past_the_timeout_goes_to_the_next_counsellor(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?> { ["Minwon:Chat:OfferTimeoutSeconds"] = "20" });
        var (a, b) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        await a.GoAvailableAsync();
        await b.GoAvailableAsync();
        var chat = await app.StartChatAsync();
        await app.RouteAsync();
        var (silent, next) = (await a.MyConversationsAsync()).Count == 1 ? (a, b) : (b, a);

        app.Clock!.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(new RoutingPass(0, 0, 0, 0), await app.RouteAsync());
        Assert.Single(await silent.MyConversationsAsync());

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var pass = await app.RouteAsync();
        Assert.Equal((1, 1), (pass.Expired, pass.Offered));
        Assert.Empty(await silent.MyConversationsAsync());
        Assert.Equal(chat.ConversationId, Assert.Single(await next.MyConversationsAsync()).Id);
        using var late = await silent.Http.PostAsync($"/api/conversations/{chat.ConversationId}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        await next.AcceptAsync(chat.ConversationId);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_contact_waiting_past_the_overflow_time_moves_to_the_broader_queue_and_is_served_there(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var chatOnly = await app.CounsellorAsync(skills: "channel:chat=8");
        await chatOnly.GoAvailableAsync();
        var queues = await chatOnly.QueuesAsync();
        var general = queues.Single(q => q.IsDefault);
        var broad = queues.Single(q => q.Id == general.OverflowQueueId);
        var chat = await app.StartChatAsync();

        Assert.Equal(0, (await app.RouteAsync()).Offered);
        app.Clock!.Advance(TimeSpan.FromSeconds(general.OverflowAfterSeconds!.Value - 1));
        Assert.Equal(new RoutingPass(0, 0, 0, 0), await app.RouteAsync());

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var pass = await app.RouteAsync();
        Assert.Equal((1, 1), (pass.Overflowed, pass.Offered));
        var offer = Assert.Single(await chatOnly.MyConversationsAsync());
        Assert.Equal((chat.ConversationId, broad.Id), (offer.Id, offer.QueueId));
        var overflowed = await app.RowsAsync<Minwon.Server.Platform.Events.EventLogEntry>(q => q.Where(e => e.Type == "ConversationOverflowed"));
        Assert.Equal(chat.ConversationId, Assert.Single(overflowed).ConversationId);
    }

    [Fact]
    public async Task A_counsellor_on_a_break_gives_a_reason_and_is_offered_nothing_until_available_again()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        using (var noReason = await counsellor.Http.PutAsJsonAsync("/api/presence", new { presence = "Break" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var lunch = await counsellor.Http.PutAsJsonAsync("/api/presence", new { presence = "Break", reason = "식사" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, lunch);
            var agent = (await lunch.Content.ReadFromJsonAsync<AgentDto>(Ct))!;
            Assert.Equal(("Break", "식사"), (agent.Presence, agent.Reason));
        }

        var chat = await app.StartChatAsync();
        Assert.Equal(0, (await app.RouteAsync()).Offered);

        await counsellor.GoAvailableAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await counsellor.MyConversationsAsync()).Id);
    }
}
