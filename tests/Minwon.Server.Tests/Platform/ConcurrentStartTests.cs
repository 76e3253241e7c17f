using Microsoft.EntityFrameworkCore;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Nodes of a cluster are often started together (a deploy, a machine's boot) on a database that has migrations to
/// apply. Three nodes started at once on an empty PostgreSQL database all come up with one schema and one set of
/// reference data, whether or not the database was created beforehand: before the "database-setup" lease
/// (MinwonCli.PrepareDatabaseAsync) two of three failed with "relation already exists".
/// </summary>
public sealed class ConcurrentStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Three_nodes_started_at_once_on_an_empty_database_migrate_it_once_and_all_start(bool created)
    {
        // Not created: the nodes create it themselves (the setup lease is an advisory lock inside it), as one node's
        // migration always did; two creating it at once both go on.
        TestPostgres.SkipUnlessAvailable();
        var postgres = created
            ? await TestPostgres.CreateDatabaseAsync(Ct)
            : new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString)
            {
                Database = "minwon_" + Guid.NewGuid().ToString("N")[..16],
            }.ConnectionString;
        var nodes = new List<MinwonApp>();
        try
        {
            // Bounded: a node that cannot take the setup lease (before the database is created, say) waits for it forever.
            var starts = Enumerable.Range(0, 3)
                .Select(_ => Task.Run(() => MinwonApp.StartAsync(Db.Postgres, postgres: postgres), Ct).WaitAsync(TimeSpan.FromMinutes(3), Ct)).ToList();
            var failures = new List<Exception>();
            foreach (var start in starts)
            {
                try
                {
                    nodes.Add(await start);
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            }

            Assert.True(failures.Count == 0, "nodes failed to start: " + string.Join("\n---\n", failures.Select(f => f.GetBaseException().Message)));
            var applied = await nodes[0].DbAsync(d => d.Database.GetAppliedMigrationsAsync(Ct));
            var known = await nodes[0].DbAsync(d => Task.FromResult(d.Database.GetMigrations().Count()));
            Assert.Equal(known, applied.Count());
            Assert.Empty(await nodes[0].DbAsync(d => d.Database.GetPendingMigrationsAsync(Ct)));
            foreach (var node in nodes)
            {
                using var health = await node.CreateClient().GetAsync("/health/ready", Ct);
                Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}");
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }
}
