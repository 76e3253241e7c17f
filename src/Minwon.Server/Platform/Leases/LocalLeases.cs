namespace Minwon.Server.Platform.Leases;

/// <summary>One node (SQLite): every lease is held by this process, one holder per name at a time.</summary>
public sealed class LocalLeases : ILeases
{
    private readonly Dictionary<string, SemaphoreSlim> gates = [];

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gate(name);
        await gate.WaitAsync(cancellationToken);
        return new Lease(name, gate);
    }

    public async Task<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gate(name);
        return await gate.WaitAsync(TimeSpan.Zero, cancellationToken) ? new Lease(name, gate) : null;
    }

    private SemaphoreSlim Gate(string name)
    {
        lock (gates)
        {
            if (!gates.TryGetValue(name, out var gate))
            {
                gate = new SemaphoreSlim(1, 1);
                gates[name] = gate;
            }

            return gate;
        }
    }

    private sealed class Lease(string name, SemaphoreSlim gate) : ILease
    {
        public string Name { get; } = name;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
