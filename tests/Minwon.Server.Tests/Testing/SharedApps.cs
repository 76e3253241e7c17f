namespace Minwon.Server.Tests.Testing;

/// <summary>
/// One app per storage for a whole test class (tests in a class run one after another), for tests that only touch
/// rows they create themselves and never run a routing pass. Started on first use, so a class running only on
/// SQLite never needs PostgreSQL.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Db, MinwonApp> apps = [];

    public async Task<MinwonApp> GetAsync(Db db)
    {
        if (db == Db.Postgres)
        {
            TestPostgres.SkipUnlessAvailable();
        }

        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!apps.TryGetValue(db, out var app))
            {
                app = await MinwonApp.StartAsync(db);
                apps[db] = app;
            }

            return app;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }

        gate.Dispose();
    }
}
