using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Observability;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// The saved cursor's lag (minwon_consumer_lag and its age) on PostgreSQL, where transactions commit out of id order: a
/// transaction that began first writes its row last, with the lower transaction id and the higher row id. The log's
/// order puts that row first. The gauge once compared ids alone (events = highest id - cursor id, oldest = first row
/// with a higher id), so a consumer at the end of the log showed one event behind and an age that only grew, and the
/// end-of-log checks of the crash test waited for an id that the cursor never names (CI, session 12).
/// </summary>
public sealed class ConsumerLagTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cursor_at_the_end_of_the_log_is_not_behind_when_a_higher_id_committed_first()
    {
        TestPostgres.SkipUnlessAvailable();
        var postgres = await TestPostgres.CreateDatabaseAsync(Ct);
        try
        {
            await using var db = new PostgresMinwonDbContext(new DbContextOptionsBuilder<PostgresMinwonDbContext>().UseNpgsql(postgres).Options);
            await db.Database.MigrateAsync(Ct);

            // The early transaction takes its transaction id, then a later one writes and commits, then the early one writes.
            await using var early = new NpgsqlConnection(postgres);
            await early.OpenAsync(Ct);
            await using var earlyTx = await early.BeginTransactionAsync(Ct);
            await ExecuteAsync(early, "SELECT pg_current_xact_id()");
            await using (var late = new NpgsqlConnection(postgres))
            {
                await late.OpenAsync(Ct);
                await ExecuteAsync(late, Insert("late"));
            }

            await ExecuteAsync(early, Insert("early"));
            await earlyTx.CommitAsync(Ct);

            var rows = await db.Set<EventLogEntry>().AsNoTracking().InLogOrder().ToListAsync(Ct);
            Assert.Equal(2, rows.Count);
            // The premise: the log's order is not the ids' order.
            Assert.True(rows[0].Id > rows[1].Id, $"the rows came in id order ({rows[0].Id}, {rows[1].Id}): nothing was tested");
            var now = TimeProvider.System.GetUtcNow().AddMinutes(5);

            var atEnd = await ConsumerLagSampler.CursorLagAsync(db, "test", new EventPosition(rows[1].TxId, rows[1].Id), now, Ct);
            Assert.Equal(0, atEnd.Events);
            Assert.Equal(0, atEnd.Seconds);

            var oneBehind = await ConsumerLagSampler.CursorLagAsync(db, "test", new EventPosition(rows[0].TxId, rows[0].Id), now, Ct);
            Assert.Equal(1, oneBehind.Events);
            Assert.InRange(oneBehind.Seconds, 240, 400);

            var fromStart = await ConsumerLagSampler.CursorLagAsync(db, "test", default, now, Ct);
            Assert.Equal(2, fromStart.Events);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    private static string Insert(string name) =>
        $$"""INSERT INTO "EventLog" ("Type", "Version", "Payload", "CreatedAt") VALUES ('Lag{{name}}', 1, '{}', now())""";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
