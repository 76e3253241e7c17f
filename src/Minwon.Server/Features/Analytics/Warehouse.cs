using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// The embedded DuckDB warehouse at {DataDir}/warehouse/minwon.duckdb: one wide row per case, with names and timings
/// joined in at sync time. DuckDB allows one writing process per file, so a CLI command cannot open it while the
/// server runs; use the HTTP endpoints then. Writes in this process are serialised by <see cref="WriteLock"/>.
/// </summary>
public sealed class Warehouse(IOptions<MinwonOptions> options)
{
    public const string Unknown = "미상";

    // The city's day and hour (CityClock) are stored, not derived per query: a dashboard scan then groups plain columns.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS cases (
            case_id VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL,
            created_local TIMESTAMP NOT NULL,
            created_day DATE NOT NULL,
            created_hour TINYINT NOT NULL,
            channel VARCHAR NOT NULL,
            category_id INTEGER,
            category_major VARCHAR NOT NULL,
            category_minor VARCHAR NOT NULL,
            district_code VARCHAR,
            district_name VARCHAR NOT NULL,
            disposition VARCHAR NOT NULL,
            answered BOOLEAN NOT NULL,
            wait_seconds DOUBLE,
            handle_seconds DOUBLE,
            fcr BOOLEAN NOT NULL);
        CREATE TABLE IF NOT EXISTS cases_staging AS SELECT * EXCLUDE (created_day, created_hour) FROM cases LIMIT 0;
        CREATE TABLE IF NOT EXISTS sync_state (name VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL);
        """;

    private bool created;

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public string FilePath => Path.Combine(options.Value.ResolvedDataDir, "warehouse", "minwon.duckdb");

    public async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new DuckDBConnection($"Data Source={FilePath}");
        await connection.OpenAsync(cancellationToken);
        if (!created)
        {
            await ExecuteAsync(connection, Schema, cancellationToken);
            created = true;
        }

        return connection;
    }

    public static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

}
