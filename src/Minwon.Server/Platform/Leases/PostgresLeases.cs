using Medallion.Threading.Postgres;

namespace Minwon.Server.Platform.Leases;

/// <summary>
/// Leases as PostgreSQL session advisory locks (DistributedLock.Postgres), each on a connection of its own. A node that
/// dies closes its connections (a killed process's sockets are closed by the OS; a vanished machine is caught by the
/// keepalive), PostgreSQL releases its locks, and a waiting node takes them within the poll interval.
/// </summary>
/// <remarks>
/// DistributedLock watches a held lock's connection with a long <c>pg_sleep</c> on it (that is how the lease learns it
/// was lost). A backend busy in that sleep does not notice its client is gone until the sleep ends, so a killed node's
/// leases were held for about 16 s. <see cref="LeaseConnectionString"/> sets <c>client_connection_check_interval</c> on
/// the lease connections (PostgreSQL 14 or later), so the server checks the socket every second during the sleep and
/// releases a dead node's locks at once.
/// </remarks>
public sealed partial class PostgresLeases(string connectionString, ILogger<PostgresLeases> logger) : ILeases
{
    private readonly string leaseConnectionString = LeaseConnectionString(connectionString);

    /// <summary>The store's connection string with the disconnect check added to the session options.</summary>
    public static string LeaseConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("client_connection_check_interval", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        }

        // Lease connections are few and long-lived: the different string gives them a pool of their own, apart from
        // the request pool, and names them in pg_stat_activity unless the administrator named the connections already.
        builder.ApplicationName ??= "minwon-leases";

        return builder.ConnectionString;
    }

    /// <summary>How often a waiting node tries a lease held elsewhere; failover takes at most about this long after release.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    public async Task<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        await Lock(name).TryAcquireAsync(TimeSpan.Zero, cancellationToken) is { } handle ? new Lease(name, handle) : null;

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var @lock = Lock(name);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await @lock.TryAcquireAsync(TimeSpan.Zero, cancellationToken) is { } handle)
                {
                    LogAcquired(logger, name);
                    return new Lease(name, handle);
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is unreachable: nobody can hold the lease through it; try again.
                LogUnavailable(logger, ex, name);
            }

            await Task.Delay(Retry, cancellationToken);
        }
    }

    private PostgresDistributedLock Lock(string name) =>
        new(new PostgresAdvisoryLockKey("minwon:" + name, allowHashing: true), leaseConnectionString, o => o.KeepaliveCadence(TimeSpan.FromSeconds(2)));

    private sealed class Lease(string name, PostgresDistributedLockHandle handle) : ILease
    {
        public string Name { get; } = name;

        public CancellationToken Lost => handle.HandleLostToken;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node now holds the lease {Lease}")]
    private static partial void LogAcquired(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} cannot be taken: the database is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string lease);
}
