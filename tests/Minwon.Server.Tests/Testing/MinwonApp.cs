using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;

namespace Minwon.Server.Tests.Testing;

/// <summary>
/// Boots the real app (WebApplicationFactory&lt;Program&gt;) on SQLite in a temporary data directory or on a fresh
/// PostgreSQL database. By default the routing worker is off and the clock is a <see cref="FakeTimeProvider"/>, so a
/// test runs routing passes itself (<see cref="RouteAsync"/>) and moves time itself: nothing depends on timing.
/// </summary>
public sealed class MinwonApp : WebApplicationFactory<Program>
{
    private readonly bool ownsDataDir;
    private readonly bool ownsDatabase;

    private MinwonApp(Db db, string dataDir, bool ownsDataDir, string? postgres, bool ownsDatabase, bool fakeClock,
        IReadOnlyDictionary<string, string?> settings)
    {
        Db = db;
        DataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        Postgres = postgres;
        this.ownsDatabase = ownsDatabase;
        Clock = fakeClock ? new FakeTimeProvider(TimeProvider.System.GetUtcNow()) : null;
        Settings = settings;
    }

    public Db Db { get; }

    public string DataDir { get; }

    /// <summary>Connection string of this app's own PostgreSQL database (null on SQLite).</summary>
    public string? Postgres { get; }

    /// <summary>The app's clock; null when the test asked for the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Warnings and errors the app logged.</summary>
    public TestLogSink Logs { get; } = new();

    /// <summary>
    /// Starts an app. Pass <paramref name="dataDir"/> or <paramref name="postgres"/> to open existing storage (a restart,
    /// a second node); otherwise fresh storage is created and removed on dispose. PostgreSQL tests are skipped when
    /// MINWON_TEST_POSTGRES is unset.
    /// </summary>
    public static async Task<MinwonApp> StartAsync(Db db, IDictionary<string, string?>? settings = null, string? dataDir = null,
        string? postgres = null, bool fakeClock = true)
    {
        var ownsDatabase = false;
        if (db == Db.Postgres && postgres is null)
        {
            postgres = await TestPostgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
            ownsDatabase = true;
        }

        var ownsDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("minwon-test-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Minwon:Routing:Enabled"] = "false",
            // Every app gets its own AudioSocket port (never the well-known 9092, which a developer's server may hold).
            ["Minwon:Voice:AudioSocket:Listen"] = "127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            // The first migration probes a history table that does not exist yet; EF logs that as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new MinwonApp(db, dataDir, ownsDataDir, db == Db.Postgres ? postgres : null, ownsDatabase, fakeClock, all);
        _ = app.Server; // boots the host: migrations and seed data run before this returns
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"{MinwonOptions.Section}:DataDir", DataDir);
        if (Postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", Postgres);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            // Tests sign in dozens of accounts; the production hash cost only slows them down.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>One routing pass, as the worker would run it.</summary>
    public async Task<RoutingPass> RouteAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var (pass, _) = await scope.ServiceProvider.GetRequiredService<RouteContacts>().RunOnceAsync(TestContext.Current.CancellationToken);
        return pass;
    }

    /// <summary>Reads or writes the app's database directly, in a scope of its own.</summary>
    public async Task<T> DbAsync<T>(Func<MinwonDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        return await work(db);
    }

    /// <summary>
    /// Puts a waiting conversation on a counsellor's desk as an offer without a routing pass, for tests in a shared app
    /// where a pass would also route other tests' contacts. Routing itself is tested with passes.
    /// </summary>
    public Task OfferAsync(Guid conversationId, string agentId) => DbAsync(async db =>
    {
        var conversation = await db.Set<Minwon.Server.Features.Conversations.Conversation>()
            .SingleAsync(c => c.Id == conversationId, TestContext.Current.CancellationToken);
        Assert.Equal(Minwon.Core.Conversations.ConversationStatus.Queued, conversation.Status);
        conversation.Offer(agentId, (Clock ?? TimeProvider.System).GetUtcNow().AddMinutes(5));
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    public Task<List<T>> RowsAsync<T>(Func<IQueryable<T>, IQueryable<T>>? filter = null) where T : class =>
        DbAsync(db => (filter ?? (q => q))(db.Set<T>().AsNoTracking()).ToListAsync(TestContext.Current.CancellationToken));

    private readonly List<IAsyncDisposable> disposables = [];

    /// <summary>Disposed with the app, before its server stops (hub connections a helper opened).</summary>
    public void Disposing(IAsyncDisposable disposable)
    {
        lock (disposables)
        {
            disposables.Add(disposable);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> owned;
        lock (disposables)
        {
            owned = [.. disposables];
        }

        foreach (var disposable in owned)
        {
            await disposable.DisposeAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Postgres is not null && ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(Postgres);
        }

        if (ownsDataDir)
        {
            DeleteDataDir(DataDir);
        }
    }

    public static void DeleteDataDir(string dataDir)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp directory is cleaned anyway.
        }
    }
}
