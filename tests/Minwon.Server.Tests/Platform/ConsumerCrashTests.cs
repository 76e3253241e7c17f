using System.Net;
using System.Net.Http.Json;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Issue 10: "kill and restart every consumer mid-stream: each event handled once, with nothing skipped (count by
/// cursor)". A real server process on PostgreSQL takes a stream of bot chats while it is killed with SIGKILL twice and
/// started again; every chat follows the same script, so each consumer's effects can be counted exactly afterwards.
/// </summary>
public sealed class ConsumerCrashTests
{
    private const int Chats = 12;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // No knowledge articles: the bot misses the first question, misses the second (abusive: a protection incident) and
    // hands off; the third goes to the queue. Then the citizen leaves: an abandoned contact in the rollups.
    private static readonly string[] Script = ["주차 과태료 어디서 내요", "이 씨발 왜 답이 없어", "소파 버리려면 어떻게 해요"];

    [Fact]
    public async Task Killing_the_server_twice_mid_stream_leaves_every_consumer_at_the_end_of_the_log_having_handled_each_event_once()
    {
        TestPostgres.SkipUnlessAvailable();
        var postgres = await TestPostgres.CreateDatabaseAsync(Ct);
        var dataDir = Directory.CreateTempSubdirectory("minwon-consumer-crash-").FullName;
        string[] settings = [$"--ConnectionStrings:Postgres={postgres}", "--Minwon:Chatbot:Enabled=true", "--Minwon:Routing:Enabled=true",
            "--Minwon:Chat:CitizenAddressBurst=10000", "--Minwon:Chat:CitizenAddressMessagesPerMinute=100000",
            "--Minwon:Chat:CitizenAddressStartsPerMinute=10000"];
        var server = new Box(await ServerProcess.StartAsync(dataDir, settings));
        try
        {
            var steps = 0;
            var chats = Enumerable.Range(0, Chats).Select(i => Task.Run(async () =>
            {
                await Task.Delay(i * 150, Ct);
                var chat = await RetryAsync(server, async http =>
                {
                    using var response = await http.PostAsJsonAsync("/api/chat/conversations", new StartChatRequest("ko", "시민", null, null), Ct);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    return (await response.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;
                });
                for (var k = 0; k < Script.Length; k++)
                {
                    // The same client message id on every retry, as the chat page does: a message stored just before a
                    // kill is acknowledged once.
                    await RetryAsync(server, http => http.SayAsync(chat.Token, Script[k], $"crash-{i}-{k}"));
                    Interlocked.Increment(ref steps);
                    await Task.Delay(120, Ct);
                }

                // The bot hands off only after reading the second message from the log, so this waits for the consumer.
                await RetryAsync(server, async http =>
                {
                    for (var wait = 0; (await http.StateAsync(chat.Token)).Status != "queued"; wait++)
                    {
                        // The server's log goes with the failure: the one CI-like failure (session 11, full run at 6efb60e) could not be
                        // reproduced alone (4 of 4 passes, 2 of them beside four busy loops).
                        Assert.True(wait < 600, $"chat {i} was never handed off by the bot; the server's output:\n{server.Value.Output}");
                        await Task.Delay(100, Ct);
                    }

                    return true;
                });
                await RetryAsync(server, async http =>
                {
                    using var response = await http.PostAsync($"/api/chat/{chat.Token}/leave", null, Ct);
                    Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                    return true;
                });
                Interlocked.Increment(ref steps);
                return chat.ConversationId;
            }, Ct)).ToList();

            // Kill when a quarter and when two thirds of the citizens' steps are done: mid-stream whatever the machine's speed.
            var total = Chats * (Script.Length + 1);
            var kills = new List<int>();
            foreach (var at in new[] { total / 4, total * 2 / 3 })
            {
                while (Volatile.Read(ref steps) < at && !chats.All(c => c.IsCompleted))
                {
                    await Task.Delay(20, Ct);
                }

                kills.Add(Volatile.Read(ref steps));
                var dead = server.Value;
                dead.Kill();
                await dead.DisposeAsync();
                server.Value = await ServerProcess.StartAsync(dataDir, settings);
            }

            var conversations = await Task.WhenAll(chats);
            Assert.True(kills[1] < total, $"the second kill came after {kills[1]} of {total} steps: not mid-stream");

            await using var db = new NpgsqlConnection(postgres);
            await db.OpenAsync(Ct);
            // The end of the log is its last row in the log's order (transaction, then id), which need not hold the highest
            // id: a transaction that began first and committed last comes earlier with a higher id. Waiting for a cursor
            // at the highest id failed CI once (session 11) with every consumer at the end.
            var (lastTx, last) = await LastAsync(db);
            string[] consumers = ["chatbot", "protection", "issues", "rollups", "quality"];
            for (var wait = 0; ; wait++)
            {
                var reached = await ScalarAsync<long>(db, $"""SELECT count(*) FROM "EventCursors" WHERE "Name" IN ({string.Join(',', consumers.Select(c => $"'{c}'"))}) AND ("TxId", "Position") >= ({lastTx}, {last})""");
                if (reached == consumers.Length)
                {
                    break;
                }

                Assert.True(wait < 600, $"the consumers never reached the end of the log ({lastTx}, {last}); their cursors: "
                    + await CursorsAsync(db) + "\nthe server's output:\n" + server.Value.Output);
                await Task.Delay(100, Ct);
            }

            // Nothing skipped: no event set aside, every cursor at the end.
            Assert.Equal(0, await ScalarAsync<long>(db, """SELECT count(*) FROM "EventDeadLetters" """));
            var ids = string.Join(',', conversations.Select(c => $"'{c}'"));
            // Each handled once. Chatbot: one hand-off per chat and the same number of bot lines in every chat.
            Assert.Equal(Chats, await ScalarAsync<long>(db, $"""SELECT count(*) FROM "EventLog" WHERE "Type" = 'BotHandedOff' AND "ConversationId" IN ({ids})"""));
            var botLines = await ListAsync(db, $"""SELECT count(*) FROM "Messages" WHERE "Sender" = 'Bot' AND "ConversationId" IN ({ids}) GROUP BY "ConversationId" """);
            Assert.Equal(Chats, botLines.Count);
            Assert.Single(botLines.Distinct());
            // Protection: one incident per chat, counting the one abusive message once.
            Assert.Equal(Enumerable.Repeat(1L, Chats), await ListAsync(db, $"""SELECT "AbusiveMessages"::bigint FROM "ProtectionIncidents" WHERE "ConversationId" IN ({ids})"""));
            // Rollups: every chat left while queued is one abandoned contact, counted once.
            Assert.Equal(Chats, await ScalarAsync<long>(db, """SELECT coalesce(sum("Abandoned"), 0) FROM "AnalyticsHourly" """));
            Assert.Equal(Chats, await ScalarAsync<long>(db, """SELECT coalesce(sum("Contacts"), 0) FROM "AnalyticsHourly" """));
            TestContext.Current.TestOutputHelper?.WriteLine($"Killed after {kills[0]} and {kills[1]} of {total} steps; log end ({lastTx}, {last})");
        }
        finally
        {
            await server.Value.DisposeAsync();
            MinwonApp.DeleteDataDir(dataDir);
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    private sealed class Box(ServerProcess value)
    {
        public ServerProcess Value { get; set; } = value;
    }

    /// <summary>Calls the current server; while it is dead or starting, waits and calls the next one.</summary>
    private static async Task<T> RetryAsync<T>(Box server, Func<HttpClient, Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var http = new HttpClient { BaseAddress = server.Value.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                return await call(http);
            }
            catch (Exception ex) when (attempt < 300 && ex is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
            {
                await Task.Delay(100, Ct);
            }
        }
    }

    private static async Task<(long TxId, long Id)> LastAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("""SELECT "TxId", "Id" FROM "EventLog" ORDER BY "TxId" DESC, "Id" DESC LIMIT 1""", db);
        await using var row = await command.ExecuteReaderAsync(Ct);
        Assert.True(await row.ReadAsync(Ct), "the event log is empty");
        return (row.GetInt64(0), row.GetInt64(1));
    }

    private static async Task<string> CursorsAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("""SELECT "Name", "TxId", "Position" FROM "EventCursors" ORDER BY "Name" """, db);
        await using var rows = await command.ExecuteReaderAsync(Ct);
        var cursors = new List<string>();
        while (await rows.ReadAsync(Ct))
        {
            cursors.Add($"{rows.GetString(0)} ({rows.GetInt64(1)}, {rows.GetInt64(2)})");
        }

        return string.Join(", ", cursors);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(Ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> ListAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var rows = await command.ExecuteReaderAsync(Ct);
        var values = new List<long>();
        while (await rows.ReadAsync(Ct))
        {
            values.Add(Convert.ToInt64(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }
}
