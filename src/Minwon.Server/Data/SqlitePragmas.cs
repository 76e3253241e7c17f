using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Minwon.Server.Data;

/// <summary>
/// Per-connection SQLite settings (they are not stored in the file), measured with bench/Minwon.LoadGen
/// (docs/benchmarks/load.md).
/// synchronous: SQLite's default FULL syncs the WAL on every commit, which on the reference VM disk (~7 ms per fsync)
/// caps the server at ~140 commits/s, below one chat message a second in 300 conversations. NORMAL is SQLite's
/// recommended level with WAL: the file never corrupts and a process crash loses nothing; only an OS crash or power
/// loss may roll back the last commits. Minwon:Sqlite:Synchronous=FULL trades the throughput back.
/// busy_timeout: a writer that finds the write lock taken waits inside SQLite with a short back-off instead of
/// failing into Microsoft.Data.Sqlite's retry loop, whose steps we saw as 150 ms stalls.
/// Both last as long as the native connection, so they are set once per pooled handle, not at every logical open (a
/// chat message opens the pool three or four times; the pragmas were a fifth of its statements).
/// </summary>
public sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string pragmas =
        $"PRAGMA synchronous={(synchronous.Equals("FULL", StringComparison.OrdinalIgnoreCase) ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=5000;";

    // Keyed by the native handle, which the pool reuses and finalises; an entry goes with its handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> done = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsFirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        Done(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!IsFirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Done(connection);
    }

    private bool IsFirstOpen(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !done.TryGetValue(handle, out _);

    private void Done(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            done.AddOrUpdate(handle, this);
        }
    }
}
