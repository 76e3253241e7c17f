using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Data;

public static class DataServices
{
    /// <summary>
    /// SQLite in the data directory unless ConnectionStrings:Postgres is set. Both providers have their own migrations.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var given = builder.Configuration.GetConnectionString("Postgres");
        var postgres = string.IsNullOrWhiteSpace(given) ? given : WithoutResetOnClose(WithPreparedStatements(given));
        // One signal per process, shared by every context's interceptor (see SaveInterceptor).
        var signal = new EventSignal();
        var saves = new SaveInterceptor(signal);
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton<ILeases, LocalLeases>();
        var dataDir = Path.GetFullPath(builder.Configuration[$"{MinwonOptions.Section}:DataDir"] ?? "./data");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Directory.CreateDirectory(dataDir);
            // Private cache per connection: in shared-cache mode readers take table locks and collide with the
            // writer (SQLITE_LOCKED, retried in 150 ms steps), which WAL alone avoids; see docs/benchmarks/load.md.
            var connection = $"Data Source={Path.Combine(dataDir, "minwon.db")};Pooling=True";
            var pragmas = new SqlitePragmas(builder.Configuration[$"{MinwonOptions.Section}:Sqlite:Synchronous"] ?? "NORMAL");
            builder.Services.AddDbContextFactory<SqliteMinwonDbContext>(o => o.UseSqlite(connection,
                sql => sql.MigrationsAssembly(typeof(MinwonDbContext).Assembly.FullName)).AddInterceptors(pragmas, saves));
            builder.Services.AddScoped<MinwonDbContext>(sp => sp.GetRequiredService<SqliteMinwonDbContext>());
            builder.Services.AddSingleton<IDbContextFactory<MinwonDbContext>, MinwonDbContextFactory<SqliteMinwonDbContext>>();
        }
        else
        {
            builder.Services.AddDbContextFactory<PostgresMinwonDbContext>(o => o.UseNpgsql(postgres).AddInterceptors(saves));
            builder.Services.AddScoped<MinwonDbContext>(sp => sp.GetRequiredService<PostgresMinwonDbContext>());
            builder.Services.AddSingleton<IDbContextFactory<MinwonDbContext>, MinwonDbContextFactory<PostgresMinwonDbContext>>();
        }

        builder.Services.AddDataProtection()
            .SetApplicationName("Minwon")
            .PersistKeysToDbContext<MinwonDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MinwonDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a node runs again and again (Max Auto Prepare 100, after 3 uses) unless the
    /// connection string says otherwise: PostgreSQL then skips parsing and planning them. A chat message runs the same
    /// handful of statements every time, and PostgreSQL's parse and plan were the largest part of its CPU per message
    /// (docs/benchmarks/load.md). Set <c>Max Auto Prepare=0</c> for a pooler that cannot keep prepared statements
    /// (PgBouncer in transaction mode before 1.21).
    /// </summary>
    public static string WithPreparedStatements(string connectionString) =>
        Sets(connectionString, "AutoPrepare")
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 3 }.ConnectionString;

    /// <summary>
    /// Skips Npgsql's session reset when a connection goes back to the pool unless the connection string says otherwise. With
    /// prepared statements the reset is seven statements (<c>pg_advisory_unlock_all()</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>,
    /// <c>RESET ALL</c> ...) sent with the next command of every pooled open: about 50 of the ~65 statements PostgreSQL ran per
    /// chat message (docs/benchmarks/load.md, "Statements per chat message"). The app's contexts leave no session state to
    /// reset: no SET, LISTEN, cursors or temporary tables, and session advisory locks (the leases) are taken on connections
    /// of their own (<see cref="Platform.Leases.PostgresLeases.LeaseConnectionString"/>), which keep the reset. An open
    /// transaction is still rolled back on close.
    /// </summary>
    public static string WithoutResetOnClose(string connectionString) =>
        Sets(connectionString, "NoResetOnClose")
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    /// <summary>
    /// Whether the operator set a keyword whose name (spaces aside, either spelling Npgsql accepts) contains
    /// <paramref name="part"/>: the keys are parsed, so a password or an application name that contains the words does not count.
    /// </summary>
    private static bool Sets(string connectionString, string part) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Creates the PostgreSQL database when it does not exist yet (as migrating would), so the setup lease, an advisory
    /// lock inside that database, can be taken; two nodes creating it at once both go on. SQLite creates its file itself.
    /// </summary>
    public static async Task EnsureDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var creator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db);
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                // Another node created it in the meantime.
            }
        }
    }

    /// <summary>Applies pending migrations; SQLite gets WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
