using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;

// The analytics benchmark: N synthetic cases (default 10 million) in DuckDB and in PostgreSQL, then the standard
// dashboard's five aggregate queries timed in both, cold (first run on a fresh connection; the OS page cache stays
// warm) and warm (median of the next runs). Usage: Minwon.AnalyticsBench [--rows N] [--runs R] [--dir DIR]
// PostgreSQL comes from MINWON_BENCH_POSTGRES; without it only DuckDB runs. See bench/Minwon.AnalyticsBench/run.sh.
// --smoke (eng/test.sh): 100,000 cases and one warm run unless given; exits 1 unless every query returned rows in every
// engine that ran. Never checks speed.
var smoke = args.Contains("--smoke");
var rows = Arg("--rows", smoke ? 100_000L : 10_000_000L);
var runs = (int)Arg("--runs", smoke ? 1L : 5L);
var emptyResults = new List<string>();
var dir = ArgText("--dir") ?? Directory.CreateTempSubdirectory("minwon-bench-").FullName;
var postgres = Environment.GetEnvironmentVariable("MINWON_BENCH_POSTGRES");
var duckPath = Path.Combine(dir, "bench.duckdb");
File.Delete(duckPath);
Console.WriteLine($"rows={rows:N0} runs={runs} cores={Environment.ProcessorCount} .NET {Environment.Version} {TimeProvider.System.GetUtcNow():yyyy-MM-dd}");

// 3 years of cases, in time order as a live centre writes them; every column a hash of the row number.
const string generate = """
    SELECT i AS id,
           TIMESTAMP '2023-01-01' + to_seconds(CAST(i * (94608000.0 / {0}) AS BIGINT)) AS created_local,
           CAST(created_local AS DATE) AS created_day,
           CAST(hour(created_local) AS SMALLINT) AS created_hour,
           ['phone','phone','phone','chat','sms','app'][1 + CAST(hash(i * 3) % 6 AS INTEGER)] AS channel,
           1 + CAST(hash(i * 7) % 21 AS INTEGER) AS category_id,
           CAST(11110 + 10 * CAST(hash(i * 11) % 25 AS INTEGER) AS VARCHAR) AS district_code,
           ['Answered','Answered','Answered','ForwardedToDistrict','CallbackNeeded','Abandoned'][1 + CAST(hash(i * 13) % 6 AS INTEGER)] AS disposition,
           CAST(hash(i * 17) % 100 < 94 AS BOOLEAN) AS answered,
           CAST(30 + hash(i * 19) % 600 AS DOUBLE) AS handle_seconds,
           disposition IN ('Answered', 'SelfService') AS fcr
    FROM range({0}) t(i)
    """;

var sw = Stopwatch.StartNew();
await using (var duck = new DuckDBConnection($"Data Source={duckPath}"))
{
    await duck.OpenAsync();
    await Exec(duck, $"CREATE TABLE cases AS {string.Format(CultureInfo.InvariantCulture, generate, rows)}");
}

Console.WriteLine($"duckdb load: {sw.Elapsed.TotalSeconds:0.0} s, file {new FileInfo(duckPath).Length / 1e6:0} MB");

if (postgres is { Length: > 0 })
{
    sw.Restart();
    await using var pg = new NpgsqlConnection(postgres);
    await pg.OpenAsync();
    await PgExec(pg, """
        DROP TABLE IF EXISTS cases;
        CREATE UNLOGGED TABLE cases (id bigint, created_local timestamp, created_day date, created_hour smallint, channel text,
            category_id int, district_code text, disposition text, answered boolean, handle_seconds double precision, fcr boolean)
        """);
    await using (var duck = new DuckDBConnection($"Data Source={duckPath}"))
    {
        await duck.OpenAsync();
        await using var read = duck.CreateCommand();
        read.CommandText = "SELECT * FROM cases ORDER BY id";
        await using var reader = await read.ExecuteReaderAsync();
        await using var import = await pg.BeginBinaryImportAsync("COPY cases FROM STDIN (FORMAT BINARY)");
        while (await reader.ReadAsync())
        {
            await import.StartRowAsync();
            await import.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint);
            await import.WriteAsync(reader.GetDateTime(1), NpgsqlDbType.Timestamp);
            await import.WriteAsync(reader.GetFieldValue<DateOnly>(2), NpgsqlDbType.Date);
            await import.WriteAsync(reader.GetInt16(3), NpgsqlDbType.Smallint);
            await import.WriteAsync(reader.GetString(4), NpgsqlDbType.Text);
            await import.WriteAsync(reader.GetInt32(5), NpgsqlDbType.Integer);
            await import.WriteAsync(reader.GetString(6), NpgsqlDbType.Text);
            await import.WriteAsync(reader.GetString(7), NpgsqlDbType.Text);
            await import.WriteAsync(reader.GetBoolean(8), NpgsqlDbType.Boolean);
            await import.WriteAsync(reader.GetDouble(9), NpgsqlDbType.Double);
            await import.WriteAsync(reader.GetBoolean(10), NpgsqlDbType.Boolean);
        }

        await import.CompleteAsync();
    }

    Console.WriteLine($"postgres copy: {sw.Elapsed.TotalSeconds:0.0} s");
    sw.Restart();
    await PgExec(pg, "CREATE INDEX ON cases (created_day)");
    await PgExec(pg, "VACUUM ANALYZE cases");
    Console.WriteLine($"postgres index + analyze: {sw.Elapsed.TotalSeconds:0.0} s");
}

// The standard dashboard over everything (the worst case: every row read) and over the last 28 days.
var ranges = new (string Name, string Where)[]
{
    ("all", "TRUE"),
    ("28d", "created_day >= DATE '2025-12-04' AND created_day < DATE '2026-01-01'"),
};
var queries = new (string Name, string Sql)[]
{
    ("by day", "SELECT created_day, count(*) FROM cases WHERE {0} GROUP BY 1"),
    ("by category", "SELECT category_id, count(*) FROM cases WHERE {0} GROUP BY 1"),
    ("by district", "SELECT district_code, count(*) FROM cases WHERE {0} GROUP BY 1"),
    ("by hour", "SELECT created_hour, count(*) FROM cases WHERE {0} GROUP BY 1"),
    ("handling", "SELECT avg(handle_seconds) FILTER (WHERE answered), avg(CASE WHEN fcr THEN 1.0 ELSE 0.0 END), avg(CASE WHEN disposition = 'Abandoned' THEN 1.0 ELSE 0.0 END) FROM cases WHERE {0}"),
};

Console.WriteLine();
Console.WriteLine("| engine | range | query | cold ms | warm ms (median) |");
Console.WriteLine("|---|---|---|---:|---:|");
foreach (var (range, where) in ranges)
{
    var duckTotals = await TimeDuckAsync(range, where);
    var pgTotals = postgres is { Length: > 0 } ? await TimePgAsync(range, where) : default;
    Console.WriteLine($"| DuckDB | {range} | **dashboard (5 queries)** | {duckTotals.Cold:0} | {duckTotals.Warm:0} |");
    if (postgres is { Length: > 0 })
    {
        Console.WriteLine($"| PostgreSQL | {range} | **dashboard (5 queries)** | {pgTotals.Cold:0} | {pgTotals.Warm:0} |");
    }
}

foreach (var empty in emptyResults.Distinct())
{
    await Console.Error.WriteLineAsync($"analytics bench: {empty} returned no rows");
}

if (emptyResults.Count > 0)
{
    Console.WriteLine("smoke failed: analytics");
    return 1;
}

if (smoke)
{
    Console.WriteLine($"smoke passed: analytics ({(postgres is { Length: > 0 } ? "DuckDB and PostgreSQL" : "DuckDB only")}; figures above are from a smoke-sized run, not for docs/benchmarks.md)");
}

return 0;

void NoteEmpty(string engine, string range, string name, int read)
{
    if (read == 0)
    {
        emptyResults.Add($"{engine} {range} {name}");
    }
}

async Task<(double Cold, double Warm)> TimeDuckAsync(string range, string where)
{
    double cold = 0, warm = 0;
    await using var duck = new DuckDBConnection($"Data Source={duckPath}");
    await duck.OpenAsync();
    foreach (var (name, sql) in queries)
    {
        var text = string.Format(CultureInfo.InvariantCulture, sql, where);
        var times = new List<double>();
        for (var r = 0; r <= runs; r++)
        {
            var t = Stopwatch.StartNew();
            await using var command = duck.CreateCommand();
            command.CommandText = text;
            await using var reader = await command.ExecuteReaderAsync();
            var read = 0;
            while (await reader.ReadAsync())
            {
                read++;
            }

            times.Add(t.Elapsed.TotalMilliseconds);
            NoteEmpty("DuckDB", range, name, read);
        }

        Report("DuckDB", range, name, times, ref cold, ref warm);
    }

    return (cold, warm);
}

async Task<(double Cold, double Warm)> TimePgAsync(string range, string where)
{
    double cold = 0, warm = 0;
    await using var pg = new NpgsqlConnection(postgres);
    await pg.OpenAsync();
    foreach (var (name, sql) in queries)
    {
        var text = string.Format(CultureInfo.InvariantCulture, sql, where);
        var times = new List<double>();
        for (var r = 0; r <= runs; r++)
        {
            var t = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(text, pg);
            await using var reader = await command.ExecuteReaderAsync();
            var read = 0;
            while (await reader.ReadAsync())
            {
                read++;
            }

            times.Add(t.Elapsed.TotalMilliseconds);
            NoteEmpty("PostgreSQL", range, name, read);
        }

        Report("PostgreSQL", range, name, times, ref cold, ref warm);
    }

    return (cold, warm);
}

static void Report(string engine, string range, string name, List<double> times, ref double cold, ref double warm)
{
    var warmRuns = times.Skip(1).Order().ToList();
    var median = warmRuns[warmRuns.Count / 2];
    Console.WriteLine($"| {engine} | {range} | {name} | {times[0]:0} | {median:0} |");
    cold += times[0];
    warm += median;
}

static async Task Exec(DuckDBConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

static async Task PgExec(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}

long Arg(string name, long fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
