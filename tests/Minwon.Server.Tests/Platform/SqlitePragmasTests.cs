using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// The SQLite settings that are not stored in the file (synchronous, busy_timeout) hold on every connection the pool hands
/// out, also when the interceptor sets them only once per native handle.
/// </summary>
public sealed class SqlitePragmasTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_pooled_connection_has_synchronous_normal_and_a_busy_timeout_many_opens_later()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        var seen = new List<(long Synchronous, long BusyTimeout)>();
        // Several contexts at once take several native connections; later opens reuse them from the pool.
        for (var round = 0; round < 3; round++)
        {
            var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.DbAsync(ReadAsync)));
            seen.AddRange(rounds);
        }

        Assert.Equal(12, seen.Count);
        Assert.All(seen, s => Assert.Equal((1L, 5000L), s));
    }

    private static async Task<(long, long)> ReadAsync(MinwonDbContext db)
    {
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            return (await ScalarAsync(connection, "PRAGMA synchronous"), await ScalarAsync(connection, "PRAGMA busy_timeout"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
