using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// A citizen writes to the bot through one node while the bot's consumer runs on the other. The consumers' poll is set
/// to two minutes, so the answer can only come in time if the commit on the first node wakes the consumer on the second
/// (RedisEventSignal); before it, cross-node events waited for the poll (500 ms by default, the floor of consumer lag).
/// </summary>
public sealed class CrossNodeWakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_on_one_node_wakes_the_consumer_on_another_without_waiting_for_its_poll()
    {
        TestPostgres.SkipUnlessAvailable();
        var redis = TestRedis.Require();
        var postgres = await TestPostgres.CreateDatabaseAsync(Ct);
        var dirs = Enumerable.Range(0, 2).Select(_ => Directory.CreateTempSubdirectory("minwon-wake-").FullName).ToList();
        var nodes = new List<ServerProcess>();
        try
        {
            string[] settings = [$"--ConnectionStrings:Postgres={postgres}", $"--ConnectionStrings:Redis={redis}", "--Minwon:Chatbot:Enabled=true",
                "--Minwon:Events:PollMilliseconds=120000", "--Logging:LogLevel:Minwon.Server.Platform.Events.EventConsumerHost=Information"];
            foreach (var dir in dirs)
            {
                nodes.Add(await ServerProcess.StartAsync(dir, settings));
            }

            ServerProcess? bot = null;
            for (var wait = 0; bot is null; wait++)
            {
                Assert.True(wait < 600, "no node took the chatbot consumer");
                bot = nodes.FirstOrDefault(n => n.Output.Contains("Consumer chatbot runs on this node", StringComparison.Ordinal));
                await Task.Delay(100, Ct);
            }

            var writer = nodes.Single(n => n != bot);
            using var citizen = new HttpClient { BaseAddress = writer.BaseAddress };
            // Let both consumers' first reads pass, so the bot's loop is asleep on its two-minute poll.
            await Task.Delay(2000, Ct);
            using var started = await citizen.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "시민", null, null), Ct);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var chat = (await started.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
            var question = await citizen.SayAsync(chat.Token, "주차 과태료 어디서 내요");

            for (var wait = 0; !(await citizen.MessagesAsync(chat.Token, question.Seq)).Any(m => m.Sender == "bot"); wait++)
            {
                // Well under the two-minute poll: only a wake-up from the other node answers in time.
                Assert.True(wait < 450, "the bot on the other node did not answer within 45 s:\n" + bot.Output);
                await Task.Delay(100, Ct);
            }
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
}
