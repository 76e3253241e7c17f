using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Minwon.Server.Data;

/// <summary>
/// Sets SQLite's synchronous level on every connection (it is per connection, not stored in the file). SQLite's
/// default FULL syncs the WAL on every commit, which on the reference VM disk (~7 ms per fsync) caps the server at
/// ~140 commits/s, below one chat message a second in 300 conversations (docs/benchmarks/load.md). NORMAL is
/// SQLite's recommended level with WAL: the file never corrupts and a process crash loses nothing; only an OS crash
/// or power loss may roll back the last commits. Set Minwon:Sqlite:Synchronous=FULL to trade throughput back.
/// </summary>
public sealed class SqliteSynchronous(string level) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={(level.Equals("FULL", StringComparison.OrdinalIgnoreCase) ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
