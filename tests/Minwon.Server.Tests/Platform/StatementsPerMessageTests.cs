using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Issue 10 (docs/benchmarks/load.md, "Statements per chat message"): counts the PostgreSQL round trips the app makes per
/// chat message (the send itself and the event consumers that run for it), by statement, through Npgsql's activities
/// filtered to this app's database. Where the cluster has <c>pg_stat_statements</c> loaded, its per-statement counts
/// (BEGIN and COMMIT included) are written to the test output beside them. Runs alone: its numbers must be its own.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class StatementsPerMessageTests
{
    private const int Messages = 50;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_citizen_and_fifty_counsellor_messages_on_PostgreSQL_cost_a_bounded_number_of_round_trips_each()
    {
        TestPostgres.SkipUnlessAvailable();
        await using var app = await MinwonApp.StartAsync(Db.Postgres, new Dictionary<string, string?> { ["Minwon:Chat:CitizenBurst"] = "1000" });
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        await using var hub = app.CitizenHub();
        await hub.StartAsync(Ct);
        var database = new NpgsqlConnectionStringBuilder(app.Postgres).Database!;
        var statistics = await StatementStatistics.TryOpenAsync(database);
        var report = new System.Text.StringBuilder();

        // The same quiet time without messages, so the consumers' idle polls are not counted as the messages'.
        var idle = await MeasureAsync(database, statistics, () => Task.Delay(TimeSpan.FromSeconds(3), Ct));
        var fromCitizen = await MeasureAsync(database, statistics, async () =>
        {
            for (var i = 0; i < Messages; i++)
            {
                await hub.InvokeAsync<MessageDto>("Send", chat.Token, $"c-{i}", $"시민 질문 {i}", Ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        });
        var fromCounsellor = await MeasureAsync(database, statistics, async () =>
        {
            for (var i = 0; i < Messages; i++)
            {
                await counsellor.ReplyAsync(chat.ConversationId, $"상담사 답변 {i}", $"a-{i}");
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        });

        Report(report, "idle 3 s (no messages)", idle, 1);
        Report(report, $"{Messages} citizen messages (hub Send) + 3 s", fromCitizen, Messages);
        Report(report, $"{Messages} counsellor messages (REST) + 3 s", fromCounsellor, Messages);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("MINWON_STATEMENTS_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, report.ToString(), Ct);
        }

        var stored = await app.MessagesOfAsync(chat.ConversationId);
        Assert.Equal(2 * Messages, stored.Count(m => m.ClientMessageId is not null));
        // Ceilings from the measurement (docs/benchmarks/load.md): a change that adds a round trip per message fails here.
        Assert.InRange(PerMessage(fromCitizen, idle), 1, 12);
        Assert.InRange(PerMessage(fromCounsellor, idle), 1, 12);

        // Npgsql sends the pool's session reset with the next command of a pooled open, in the same round trip and with no
        // activity of its own: the bound above does not move when the reset comes back (checked with "No Reset On Close=false"
        // in MINWON_TEST_POSTGRES). So the app pool's settings are asserted here: the reset off, statements prepared.
        await using var scope = app.Services.CreateAsyncScope();
        var pool = new NpgsqlConnectionStringBuilder(
            scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>().Database.GetConnectionString());
        Assert.True(pool.NoResetOnClose, "the app pool resets every session it hands back (DataServices.WithoutResetOnClose)");
        Assert.Equal(100, pool.MaxAutoPrepare);
    }

    private static double PerMessage(Measured measured, Measured idle) =>
        (measured.RoundTrips.Values.Sum() - idle.RoundTrips.Values.Sum()) / (double)Messages;

    private static async Task<Measured> MeasureAsync(string database, StatementStatistics? statistics, Func<Task> work)
    {
        var roundTrips = new ConcurrentDictionary<string, int>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var db = activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name");
                if (db as string != database)
                {
                    return;
                }

                var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
                roundTrips.AddOrUpdate(Shorten(text as string ?? activity.DisplayName), 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(listener);
        if (statistics is not null)
        {
            await statistics.ResetAsync();
        }

        await work();
        var statements = statistics is null ? [] : await statistics.ReadAsync();
        return new(new Dictionary<string, int>(roundTrips), statements);
    }

    private static void Report(System.Text.StringBuilder report, string title, Measured measured, int per)
    {
        report.AppendLine($"== {title}: {measured.RoundTrips.Values.Sum()} round trips (Npgsql), "
            + $"{measured.Statements.Sum(s => s.Calls)} statements (pg_stat_statements), per message /{per}");
        report.AppendLine("-- round trips");
        foreach (var (text, count) in measured.RoundTrips.OrderByDescending(p => p.Value))
        {
            report.AppendLine($"{count,6} {count / (double)per,7:F2}  {text}");
        }

        report.AppendLine("-- statements");
        foreach (var (text, calls) in measured.Statements.OrderByDescending(s => s.Calls))
        {
            report.AppendLine($"{calls,6} {calls / (double)per,7:F2}  {text}");
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 200 ? oneLine : oneLine[..200];
    }

    private sealed record Measured(Dictionary<string, int> RoundTrips, List<(string Text, long Calls)> Statements);

    /// <summary>pg_stat_statements on the test cluster, when the cluster was started with it loaded.</summary>
    private sealed class StatementStatistics(uint oid)
    {
        public static async Task<StatementStatistics?> TryOpenAsync(string database)
        {
            try
            {
                await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
                await connection.OpenAsync(Ct);
                await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
                {
                    await create.ExecuteNonQueryAsync(Ct);
                }

                // The extension can be created where the library is not preloaded; reading the view then fails (55000).
                await using (var probe = new NpgsqlCommand("SELECT count(*) FROM pg_stat_statements", connection))
                {
                    await probe.ExecuteScalarAsync(Ct);
                }

                await using var find = new NpgsqlCommand("SELECT oid FROM pg_database WHERE datname = @d", connection);
                find.Parameters.AddWithValue("d", database);
                return new((uint)(await find.ExecuteScalarAsync(Ct))!);
            }
            catch (PostgresException)
            {
                return null; // not loaded (shared_preload_libraries): the round trips are still counted
            }
        }

        public async Task ResetAsync()
        {
            await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await connection.OpenAsync(Ct);
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset(0, @oid, 0)", connection);
            reset.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oid);
            await reset.ExecuteNonQueryAsync(Ct);
        }

        public async Task<List<(string, long)>> ReadAsync()
        {
            await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await connection.OpenAsync(Ct);
            await using var read = new NpgsqlCommand("SELECT query, calls FROM pg_stat_statements WHERE dbid = @oid", connection);
            read.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oid);
            var rows = new List<(string, long)>();
            await using var reader = await read.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows.Add((Shorten(reader.GetString(0)), reader.GetInt64(1)));
            }

            return rows;
        }
    }
}
