using Medallion.Threading.Postgres;

namespace Minwon.Server.Platform.Leases;

/// <summary>
/// Leases as PostgreSQL session advisory locks (DistributedLock.Postgres), each on a connection of its own. A node that
/// dies closes its connections (a killed process's sockets are closed by the OS; a vanished machine is caught by the
/// keepalive), PostgreSQL releases its locks, and a waiting node takes them within the poll interval.
/// </summary>
public sealed partial class PostgresLeases(string connectionString, ILogger<PostgresLeases> logger) : ILeases
{
    /// <summary>How often a waiting node tries a lease held elsewhere; failover takes at most about this long after release.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var @lock = new PostgresDistributedLock(new PostgresAdvisoryLockKey("minwon:" + name, allowHashing: true), connectionString,
            o => o.KeepaliveCadence(TimeSpan.FromSeconds(2)));
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
