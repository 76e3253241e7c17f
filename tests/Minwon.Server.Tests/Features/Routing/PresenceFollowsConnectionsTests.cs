using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Routing;

/// <summary>
/// Issue 9 item 7: presence follows the counsellor's live connections. A counsellor who closed the desk is never offered
/// a chat, becomes 자리 비움 after the grace period and 오프라인 later; the wallboard and the citizen's page tell the truth.
/// </summary>
public sealed class PresenceFollowsConnectionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_counsellor_available_without_a_live_connection_is_never_offered_a_chat(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        using (var put = await counsellor.Http.PutAsJsonAsync("/api/presence", new { presence = "Available" }, Ct))
        {
            put.EnsureSuccessStatusCode();
        }

        var chat = await app.StartChatAsync();
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        Assert.Empty(await counsellor.MyConversationsAsync());

        await counsellor.ConnectAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await counsellor.MyConversationsAsync()).Id);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Closing_the_desk_makes_the_counsellor_away_after_the_grace_period_withdraws_the_offer_then_offline(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Presence:AwayAfterSeconds"] = "20",
            ["Minwon:Presence:OfflineAfterSeconds"] = "300",
            ["Minwon:Chat:OfferTimeoutSeconds"] = "120",
        });
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync(StaffRoles.Supervisor);
        await counsellor.GoAvailableAsync();
        var chat = await app.StartChatAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(1, (await BoardRowAsync(supervisor, counsellor)).Connections);

        await counsellor.DisconnectAsync();
        await UntilAsync(app, async () => (await BoardRowAsync(supervisor, counsellor)).Connections == 0, "the closed connection to be counted");
        await app.RouteAsync();
        app.Clock!.Advance(TimeSpan.FromSeconds(19));
        await app.RouteAsync();
        Assert.Equal(nameof(Presence.Available), (await BoardRowAsync(supervisor, counsellor)).Presence);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RouteAsync();
        var row = await BoardRowAsync(supervisor, counsellor);
        Assert.Equal((nameof(Presence.Away), 0), (row.Presence, row.Connections));
        Assert.Empty(await counsellor.MyConversationsAsync());
        using var citizen = app.CitizenClient();
        var state = await citizen.StateAsync(chat.Token);
        Assert.Equal("queued", state.Status);
        Assert.True(state.NobodyAvailable);
        Assert.Null(state.ExpectedWaitSeconds);
        Assert.Equal(0, (await app.RouteAsync()).Offered);

        app.Clock.Advance(TimeSpan.FromSeconds(300));
        await app.RouteAsync();
        Assert.Equal(nameof(Presence.Offline), (await BoardRowAsync(supervisor, counsellor)).Presence);
        var events = await app.DbAsync(d => d.Set<Minwon.Server.Platform.Events.EventLogEntry>().AsNoTracking()
            .Where(e => e.Type == "AgentPresenceChanged").Select(e => e.Payload).ToListAsync(Ct));
        Assert.Contains(events, p => p.Contains(counsellor.Id, StringComparison.Ordinal) && p.Contains("Away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_that_returns_brings_back_the_state_chosen_before_and_one_of_two_connections_is_enough()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync(StaffRoles.Supervisor);
        await counsellor.GoAvailableAsync();
        await using var second = app.StaffHub(counsellor);
        await second.StartAsync(Ct);
        await UntilAsync(app, async () => (await BoardRowAsync(supervisor, counsellor)).Connections == 2, "both connections to be counted");

        await second.StopAsync(Ct);
        await UntilAsync(app, async () => (await BoardRowAsync(supervisor, counsellor)).Connections == 1, "one connection to be left");
        app.Clock!.Advance(TimeSpan.FromMinutes(2));
        await app.RouteAsync();
        Assert.Equal(nameof(Presence.Available), (await BoardRowAsync(supervisor, counsellor)).Presence);

        await counsellor.DisconnectAsync();
        await UntilAsync(app, async () => (await BoardRowAsync(supervisor, counsellor)).Connections == 0, "no connection to be left");
        await app.RouteAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.RouteAsync();
        Assert.Equal(nameof(Presence.Away), (await BoardRowAsync(supervisor, counsellor)).Presence);

        await counsellor.ConnectAsync();
        await app.RouteAsync();
        var back = await BoardRowAsync(supervisor, counsellor);
        Assert.Equal((nameof(Presence.Available), 1), (back.Presence, back.Connections));
        var chat = await app.StartChatAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await counsellor.MyConversationsAsync()).Id);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_chat_whose_counsellor_has_gone_goes_back_to_its_queue_with_its_history_and_a_notice(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Presence:AwayAfterSeconds"] = "20",
            ["Minwon:Presence:RequeueChatsAfterSeconds"] = "120",
        });
        var gone = await app.CounsellorAsync();
        var colleague = await app.CounsellorAsync();
        await gone.GoAvailableAsync();
        var chat = await app.ServedChatAsync(gone);
        using var citizen = app.CitizenClient();
        await citizen.SayAsync(chat.Token, "주차 단속 문의드립니다");

        await gone.DisconnectAsync();
        await UntilAsync(app, async () => await app.DbAsync(d => d.Set<AgentConnection>().AnyAsync(c => c.UserId == gone.Id, Ct)) == false,
            "the closed connection to be removed");
        await app.RouteAsync();
        app.Clock!.Advance(TimeSpan.FromSeconds(119));
        await app.RouteAsync();
        Assert.Equal("assigned", (await citizen.StateAsync(chat.Token)).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RouteAsync();
        var state = await citizen.StateAsync(chat.Token);
        Assert.Equal("queued", state.Status);
        var messages = await citizen.MessagesAsync(chat.Token);
        Assert.Contains(messages, m => m.Body.Contains("주차 단속", StringComparison.Ordinal));
        Assert.Contains("다른 상담사에게 연결", messages[^1].Body, StringComparison.Ordinal);
        var requeued = await app.DbAsync(d => d.Set<Minwon.Server.Platform.Events.EventLogEntry>().AsNoTracking()
            .CountAsync(e => e.Type == "ChatRequeued" && e.ConversationId == chat.ConversationId, Ct));
        Assert.Equal(1, requeued);

        // Another pass moves nothing twice; a colleague with a connection gets the chat and its history, the one who left does not.
        await app.RouteAsync();
        await colleague.GoAvailableAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await colleague.MyConversationsAsync()).Id);
        Assert.Empty(await gone.MyConversationsAsync());
    }

    [Fact]
    public async Task A_chat_of_a_counsellor_already_offline_still_goes_back_to_the_queue()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Presence:AwayAfterSeconds"] = "20",
            ["Minwon:Presence:OfflineAfterSeconds"] = "60",
            ["Minwon:Presence:RequeueChatsAfterSeconds"] = "120",
        });
        var counsellor = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync(StaffRoles.Supervisor);
        await counsellor.GoAvailableAsync();
        var chat = await app.ServedChatAsync(counsellor);
        await counsellor.DisconnectAsync();
        await UntilAsync(app, async () => await app.DbAsync(d => d.Set<AgentConnection>().AnyAsync(c => c.UserId == counsellor.Id, Ct)) == false,
            "the closed connection to be removed");
        await app.RouteAsync();
        app.Clock!.Advance(TimeSpan.FromSeconds(61));
        await app.RouteAsync();
        Assert.Equal(nameof(Presence.Offline), (await BoardRowAsync(supervisor, counsellor)).Presence);
        using var citizen = app.CitizenClient();
        Assert.Equal("assigned", (await citizen.StateAsync(chat.Token)).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await app.RouteAsync();
        Assert.Equal("queued", (await citizen.StateAsync(chat.Token)).Status);
    }

    [Fact]
    public async Task A_counsellor_who_comes_back_in_time_keeps_the_chat()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Presence:RequeueChatsAfterSeconds"] = "120",
        });
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        var chat = await app.ServedChatAsync(counsellor);
        await counsellor.DisconnectAsync();
        await UntilAsync(app, async () => await app.DbAsync(d => d.Set<AgentConnection>().AnyAsync(c => c.UserId == counsellor.Id, Ct)) == false,
            "the closed connection to be removed");
        await app.RouteAsync();
        app.Clock!.Advance(TimeSpan.FromSeconds(100));
        await app.RouteAsync();

        await counsellor.ConnectAsync();
        await app.RouteAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(100));
        await app.RouteAsync();

        using var citizen = app.CitizenClient();
        Assert.Equal("assigned", (await citizen.StateAsync(chat.Token)).Status);
        Assert.Equal(chat.ConversationId, Assert.Single(await counsellor.MyConversationsAsync()).Id);
    }

    [Fact]
    public async Task Nobody_can_choose_away_themselves()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        using var put = await counsellor.Http.PutAsJsonAsync("/api/presence", new { presence = "Away" }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("application/problem+json", put.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Connections_of_a_node_whose_lease_is_free_are_removed_and_a_living_nodes_are_kept(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        var here = app.Services.GetRequiredService<NodeIdentity>().Id;
        // A node that crashed: its rows stay behind, and nobody holds its lease any more.
        await app.DbAsync(async d =>
        {
            d.Add(new AgentConnection { Id = "hub:crashed-1", UserId = counsellor.Id, NodeId = "crashed-node", Kind = "hub", ConnectedAt = app.Clock!.GetUtcNow() });
            return await d.SaveChangesAsync(Ct);
        });

        var removed = await app.Services.GetRequiredService<AgentConnections>().SyncAsync(Ct);

        Assert.Equal(1, removed);
        var left = await app.RowsAsync<AgentConnection>(q => q.Where(c => c.UserId == counsellor.Id));
        Assert.Equal(here, Assert.Single(left).NodeId);
    }

    [Fact]
    public async Task On_two_nodes_each_counts_its_own_connections_and_the_router_sees_both()
    {
        TestPostgres.SkipUnlessAvailable();
        await using var nodeA = await MinwonApp.StartAsync(Db.Postgres);
        await using var nodeB = await MinwonApp.StartAsync(Db.Postgres, postgres: nodeA.Postgres);
        var onA = await nodeA.CounsellorAsync();
        var onB = await nodeB.CounsellorAsync();
        await onA.GoAvailableAsync();
        await onB.GoAvailableAsync();

        // Each node syncs: neither removes the other's rows while the other node holds its lease.
        Assert.Equal(0, await nodeA.Services.GetRequiredService<AgentConnections>().SyncAsync(Ct));
        Assert.Equal(0, await nodeB.Services.GetRequiredService<AgentConnections>().SyncAsync(Ct));
        var rows = await nodeA.RowsAsync<AgentConnection>();
        Assert.Equal(2, rows.Select(r => r.NodeId).Distinct().Count());

        await nodeA.StartChatAsync();
        await nodeB.StartChatAsync();
        Assert.Equal(2, (await nodeA.RouteAsync()).Offered);
        Assert.Single(await onA.MyConversationsAsync());
        Assert.Single(await onB.MyConversationsAsync());
    }

    private static async Task<AgentBoardRow> BoardRowAsync(StaffMember supervisor, StaffMember counsellor) =>
        (await supervisor.Http.GetFromJsonAsync<WallboardView>("/api/wallboard", Ct))!.Agents.Single(a => a.UserId == counsellor.Id);

    // Hub disconnects are handled on the server's own threads; wait for them, never for a fixed time.
    private static async Task UntilAsync(MinwonApp app, Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(25, Ct);
        }

        Assert.Fail($"Timed out waiting for {what} ({app.Db}).");
    }
}
