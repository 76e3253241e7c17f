using Microsoft.EntityFrameworkCore;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// The reader on SQLite reads "after a position" as two index ranges: the position's transaction after its id, then
/// later transactions in the log's order. SQLite's own rows all carry transaction 0, so the second range is met only by
/// rows written with a transaction (a log carried over, or a future writer); here it is written on purpose, with the
/// higher id in the earlier transaction.
/// </summary>
public sealed class EventReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_rows_after_a_position_come_in_transaction_order_across_both_ranges_and_a_batch_stops_at_its_size()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Minwon:Events:ConsumersEnabled"] = "false" });
        var (late, early) = await app.DbAsync(async db =>
        {
            foreach (var (tx, type) in new[] { (5L, "ReaderLate"), (3L, "ReaderEarly") })
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "EventLog" ("TxId", "Type", "Version", "Payload", "CreatedAt") VALUES ({tx}, {type}, 1, {"{}"}, {DateTimeOffset.UnixEpoch.UtcTicks})""", Ct);
            }

            var rows = await db.Set<EventLogEntry>().AsNoTracking().Where(e => e.Type.StartsWith("Reader")).ToListAsync(Ct);
            return (rows.Single(r => r.Type == "ReaderLate"), rows.Single(r => r.Type == "ReaderEarly"));
        });
        Assert.True(late.Id < early.Id, "the premise: the later transaction holds the lower id");
        var lastOfTxZero = await app.DbAsync(db => db.Set<EventLogEntry>().Where(e => e.TxId == 0).MaxAsync(e => (long?)e.Id, Ct)) ?? 0;

        var all = await app.DbAsync(db => EventReader.ReadAsync(db, new EventPosition(0, lastOfTxZero), 10, Ct));
        Assert.Equal([early.Id, late.Id], all.Events.Select(e => e.Id));
        Assert.False(all.HeldBack);

        var one = await app.DbAsync(db => EventReader.ReadAsync(db, new EventPosition(0, lastOfTxZero), 1, Ct));
        Assert.Equal([early.Id], one.Events.Select(e => e.Id));

        // After the early row: only the later transaction's, though its id is lower.
        var rest = await app.DbAsync(db => EventReader.ReadAsync(db, new EventPosition(3, early.Id), 10, Ct));
        Assert.Equal([late.Id], rest.Events.Select(e => e.Id));
        Assert.Empty((await app.DbAsync(db => EventReader.ReadAsync(db, new EventPosition(5, late.Id), 10, Ct))).Events);

        // The gauges' first row after a position reads the same two ranges.
        Assert.Equal(early.Id, await app.DbAsync(db => EventReader.FirstAfterAsync(db.Set<EventLogEntry>(), new EventPosition(0, lastOfTxZero), e => (long?)e.Id, Ct)));
        Assert.Null(await app.DbAsync(db => EventReader.FirstAfterAsync(db.Set<EventLogEntry>(), new EventPosition(5, late.Id), e => (long?)e.Id, Ct)));
    }
}
