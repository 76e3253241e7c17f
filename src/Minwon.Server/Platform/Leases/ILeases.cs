namespace Minwon.Server.Platform.Leases;

/// <summary>
/// Singleton work (routing decisions, the issue detector, rollups, scheduled jobs) runs on one node at a time: the node
/// holding its lease. SQLite is one node, so its leases are always held; PostgreSQL leases are advisory locks held on a
/// connection of their own, released by the server when the node dies (docs/adr/0006).
/// </summary>
public interface ILeases
{
    /// <summary>Waits until this node holds the named lease (or the token is cancelled).</summary>
    Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A held lease. <see cref="Lost"/> is cancelled when it can no longer be trusted; dispose to release it.</summary>
public interface ILease : IAsyncDisposable
{
    string Name { get; }

    CancellationToken Lost { get; }
}
