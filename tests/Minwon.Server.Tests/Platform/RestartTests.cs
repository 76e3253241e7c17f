using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Platform;

/// <summary>The database is the source of truth: a restart, even a killed process, loses no waiting contact or message.</summary>
public sealed class RestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Waiting_contacts_messages_and_an_active_chat_survive_a_restart_on_the_same_data_directory()
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-restart-").FullName;
        try
        {
            Before before;
            StaffMember counsellor;
            await using (var first = await MinwonApp.StartAsync(Db.Sqlite, dataDir: dataDir))
            {
                counsellor = await first.CounsellorAsync(maxConcurrent: 1);
                await counsellor.GoAvailableAsync();
                using var citizen = first.CitizenClient();
                var active = await first.StartChatAsync(http: citizen);
                await first.RouteAsync();
                await counsellor.AcceptAsync(active.ConversationId);
                await TalkAsync(citizen, active.Token, counsellor.Http, active.ConversationId);
                var waiting = new List<StartChatResponse>();
                for (var i = 0; i < 3; i++)
                {
                    first.Clock!.Advance(TimeSpan.FromSeconds(1));
                    waiting.Add(await first.StartChatAsync(http: citizen));
                }

                Assert.Equal(0, (await first.RouteAsync()).Offered);
                before = await RecordAsync(citizen, active, waiting);
            }

            await using var second = await MinwonApp.StartAsync(Db.Sqlite, dataDir: dataDir);

            // The first run's sign-in cookie still opens the desk: Data Protection keys live in the database.
            using var desk = second.CreateDefaultClient(new CookieContainerHandler(counsellor.Cookies));
            await AssertResumedAsync(second, before, desk);
        }
        finally
        {
            MinwonApp.DeleteDataDir(dataDir);
        }
    }

    [Fact]
    public async Task A_server_process_killed_with_SIGKILL_loses_no_waiting_contact_or_message()
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-kill-").FullName;
        try
        {
            string userName;
            await using (var setup = await MinwonApp.StartAsync(Db.Sqlite, dataDir: dataDir))
            {
                userName = (await setup.CounsellorAsync(maxConcurrent: 1)).UserName;
            }

            Before before;
            await using (var server = await ServerProcess.StartAsync(dataDir))
            {
                var cookies = new CookieContainer();
                using var desk = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
                {
                    BaseAddress = server.BaseAddress,
                };
                using var citizen = new HttpClient { BaseAddress = server.BaseAddress };
                await AppActors.SignInAsync(desk, userName, AppActors.Password);
                await using var live = await HubClients.StaffHubAsync(server.BaseAddress, cookies, Ct);
                (await desk.PutAsJsonAsync("/api/presence", new { presence = "Available" }, Ct)).EnsureSuccessStatusCode();

                var active = await StartAsync(citizen);
                await WaitForOfferAsync(desk, active.ConversationId, server);
                (await desk.PostAsync($"/api/conversations/{active.ConversationId}/accept", null, Ct)).EnsureSuccessStatusCode();
                await TalkAsync(citizen, active.Token, desk, active.ConversationId);
                var waiting = new List<StartChatResponse>();
                for (var i = 0; i < 3; i++)
                {
                    waiting.Add(await StartAsync(citizen));
                }

                before = await RecordAsync(citizen, active, waiting);
                server.Kill();
            }

            await using var after = await MinwonApp.StartAsync(Db.Sqlite, dataDir: dataDir);
            var (relogged, _) = await AppActors.SignInAsync(after, userName, AppActors.Password);
            using (relogged)
            {
                await AssertResumedAsync(after, before, relogged);
            }
        }
        finally
        {
            MinwonApp.DeleteDataDir(dataDir);
        }
    }

    private static async Task TalkAsync(HttpClient citizen, string token, HttpClient desk, Guid conversationId)
    {
        await citizen.SayAsync(token, "여권 재발급은 어디서 하나요?");
        using (var reply = await desk.PostAsJsonAsync($"/api/conversations/{conversationId}/messages",
            new PostMessageRequest("가까운 구청 여권민원실에서 하실 수 있습니다.", "desk-1"), Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, reply);
        }

        await citizen.SayAsync(token, "토요일에도 하나요?");
    }

    private static async Task<StartChatResponse> StartAsync(HttpClient citizen)
    {
        using var response = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "시민", null, null, Counsellor: true), Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
    }

    // The real process routes with its own worker; wait for its offer rather than for a fixed time.
    private static async Task WaitForOfferAsync(HttpClient desk, Guid conversationId, ServerProcess server)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var mine = await desk.GetFromJsonAsync<List<ConversationSummary>>("/api/conversations", Ct);
            if (mine!.Any(c => c.Id == conversationId && c.Status == "offered"))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail("The server process never offered the chat:\n" + server.Output);
    }

    private static async Task<Before> RecordAsync(HttpClient citizen, StartChatResponse active, List<StartChatResponse> waiting)
    {
        var messages = new Dictionary<string, List<(int, string)>>();
        foreach (var chat in waiting.Prepend(active))
        {
            messages[chat.Token] = (await citizen.MessagesAsync(chat.Token)).Select(m => (m.Seq, m.Body)).ToList();
        }

        for (var i = 0; i < waiting.Count; i++)
        {
            Assert.Equal(i + 1, (await citizen.StateAsync(waiting[i].Token)).Position);
        }

        Assert.Equal("assigned", (await citizen.StateAsync(active.Token)).Status);
        return new Before(active, waiting, messages);
    }

    private static async Task AssertResumedAsync(MinwonApp app, Before before, HttpClient desk)
    {
        using var citizen = app.CitizenClient();
        var queued = await app.RowsAsync<Conversation>(q => q.Where(c => c.Status == ConversationStatus.Queued)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.FirstEnqueuedAt));
        Assert.Equal(before.Waiting.Select(w => w.ConversationId), queued.Select(c => c.Id));
        for (var i = 0; i < before.Waiting.Count; i++)
        {
            Assert.Equal(i + 1, (await citizen.StateAsync(before.Waiting[i].Token)).Position);
        }

        foreach (var (token, messages) in before.Messages)
        {
            Assert.Equal(messages, (await citizen.MessagesAsync(token)).Select(m => (m.Seq, m.Body)).ToList());
        }

        var last = before.Messages[before.Active.Token][^1].Item1;
        Assert.Equal("assigned", (await citizen.StateAsync(before.Active.Token)).Status);
        Assert.Equal(last + 1, (await citizen.SayAsync(before.Active.Token, "아직 계세요?")).Seq);
        using var reply = await desk.PostAsJsonAsync($"/api/conversations/{before.Active.ConversationId}/messages",
            new PostMessageRequest("네, 토요일은 운영하지 않습니다.", "desk-after-restart"), Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.OK, reply);
        Assert.Equal(last + 2, (await reply.Content.ReadFromJsonAsync<MessageDto>(Ct))!.Seq);
    }

    private sealed record Before(StartChatResponse Active, List<StartChatResponse> Waiting, Dictionary<string, List<(int, string)>> Messages);
}
