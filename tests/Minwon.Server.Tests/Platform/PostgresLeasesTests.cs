using Minwon.Server.Platform.Leases;
using Minwon.Server.Tests.Testing;
using Npgsql;

namespace Minwon.Server.Tests.Platform;

public sealed class PostgresLeasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Without the disconnect check a killed node's advisory locks stayed held while its backend finished the lock
    /// monitor's pg_sleep (about 16 s in the three-node chaos test), past the 10 s failover target of issue 10.
    /// </summary>
    [Fact]
    public async Task Lease_connections_ask_the_server_to_notice_a_dead_client_within_a_second()
    {
        TestPostgres.SkipUnlessAvailable();
        var leaseString = PostgresLeases.LeaseConnectionString(TestPostgres.AdminConnectionString! + ";Options=-c statement_timeout=0");
        await using var connection = new NpgsqlConnection(leaseString);
        await connection.OpenAsync(Ct);
        await using var show = new NpgsqlCommand("SHOW client_connection_check_interval", connection);
        Assert.Equal("1s", await show.ExecuteScalarAsync(Ct));
        await using var other = new NpgsqlCommand("SHOW statement_timeout", connection);
        Assert.Equal("0", await other.ExecuteScalarAsync(Ct));
        // Given twice, it is not added twice.
        Assert.Equal(leaseString, PostgresLeases.LeaseConnectionString(leaseString));
    }
}
