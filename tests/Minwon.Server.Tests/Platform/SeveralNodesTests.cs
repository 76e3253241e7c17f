using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Three real server processes on one PostgreSQL and one Redis (both started by eng/test.sh): a citizen on node C, the
/// counsellor's desk on node B, messages posted through node A; then the node that runs routing is killed with SIGKILL.
/// </summary>
public sealed class SeveralNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_cross_nodes_once_and_in_order_and_routing_moves_to_another_node_when_its_node_dies()
    {
        TestPostgres.SkipUnlessAvailable();
        var redis = TestRedis.Require();
        var postgres = await TestPostgres.CreateDatabaseAsync(Ct);
        var dirs = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("minwon-node-").FullName).ToList();
        var nodes = new List<ServerProcess>();
        try
        {
            string userName;
            await using (var setup = await MinwonApp.StartAsync(Db.Postgres, postgres: postgres, dataDir: dirs[0]))
            {
                userName = (await setup.CounsellorAsync(maxConcurrent: 2)).UserName;
            }

            string[] settings = [$"--ConnectionStrings:Postgres={postgres}", $"--ConnectionStrings:Redis={redis}", "--Minwon:Routing:Enabled=true"];
            foreach (var dir in dirs)
            {
                nodes.Add(await ServerProcess.StartAsync(dir, settings));
            }

            var (a, b, c) = (nodes[0], nodes[1], nodes[2]);
            var cookies = new CookieContainer();
            using var desk = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = b.BaseAddress };
            await AppActors.SignInAsync(desk, userName, AppActors.Password);
            (await desk.PutAsJsonAsync("/api/presence", new { presence = "Available" }, Ct)).EnsureSuccessStatusCode();
            await using var staffHub = Connect(b, "hubs/staff", cookies.GetCookieHeader(b.BaseAddress));
            var seenByDesk = new ConcurrentQueue<int>();
            staffHub.On<Guid, MessageDto>("Message", (_, m) => seenByDesk.Enqueue(m.Seq));
            await staffHub.StartAsync(Ct);

            using var citizenOnC = new HttpClient { BaseAddress = c.BaseAddress };
            var chat = await StartChatAsync(citizenOnC);
            await using var citizenHub = Connect(c, "hubs/citizen", null);
            var seenByCitizen = new ConcurrentQueue<int>();
            citizenHub.On<MessageDto>("Message", m => seenByCitizen.Enqueue(m.Seq));
            await citizenHub.StartAsync(Ct);
            await citizenHub.InvokeAsync<List<MessageDto>>("Join", chat.Token, 0, Ct);

            await WaitAsync(async () => (await desk.GetStringAsync("/api/conversations?status=offered", Ct)).Contains(chat.ConversationId.ToString(), StringComparison.Ordinal),
                "the chat to be offered to the counsellor");
            (await desk.PostAsync($"/api/conversations/{chat.ConversationId}/accept", null, Ct)).EnsureSuccessStatusCode();

            using var citizenOnA = new HttpClient { BaseAddress = a.BaseAddress };
            var sent = new List<int>();
            for (var i = 0; i < 10; i++)
            {
                sent.Add((await citizenOnA.SayAsync(chat.Token, $"노드 A에서 보낸 메시지 {i}")).Seq);
            }

            await WaitAsync(() => Task.FromResult(sent.All(seenByDesk.Contains) && sent.All(seenByCitizen.Contains)), "every message on both screens");
            await Task.Delay(500, Ct);
            Assert.Equal(sent, seenByDesk.Where(sent.Contains).ToList());
            Assert.Equal(sent, seenByCitizen.Where(sent.Contains).ToList());

            // Kill -9 the node that runs routing; another takes the lease, and a new chat is offered through it.
            var leader = nodes.Single(n => n.Output.Contains("This node runs routing", StringComparison.Ordinal));
            var survivors = nodes.Where(n => n != leader).ToList();
            var clock = Stopwatch.StartNew();
            leader.Kill();
            await WaitAsync(() => Task.FromResult(survivors.Any(n => n.Output.Contains("This node runs routing", StringComparison.Ordinal))),
                "another node to take the routing lease");
            TestContext.Current.SendDiagnosticMessage($"Routing failed over in {clock.Elapsed.TotalSeconds:0.0} s");
            using var citizenOnSurvivor = new HttpClient { BaseAddress = survivors[^1].BaseAddress };
            var second = await StartChatAsync(citizenOnSurvivor);
            using var deskOnSurvivor = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = survivors[0].BaseAddress };
            await WaitAsync(async () => (await deskOnSurvivor.GetStringAsync("/api/conversations?status=offered", Ct)).Contains(second.ConversationId.ToString(), StringComparison.Ordinal),
                "the next chat to be offered after the failover");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            dirs.ForEach(MinwonApp.DeleteDataDir);
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    private static async Task<StartChatResponse> StartChatAsync(HttpClient citizen)
    {
        using var response = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "홍길동", null, "주차 문의", Counsellor: true), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
    }

    private static HubConnection Connect(ServerProcess node, string path, string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();

    // Generous: timing belongs to benchmarks; the test is that it happens.
    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"Waited 60 s for {what}.");
    }
}
