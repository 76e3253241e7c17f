namespace Minwon.Server.Platform.Leases;

/// <summary>One node (SQLite): every lease is held by this process, one holder per name at a time.</summary>
public sealed class LocalLeases : ILeases
{
    private readonly Dictionary<string, SemaphoreSlim> gates = [];

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (gates)
        {
            if (!gates.TryGetValue(name, out gate!))
            {
                gate = new SemaphoreSlim(1, 1);
                gates[name] = gate;
            }
        }

        await gate.WaitAsync(cancellationToken);
        return new Lease(name, gate);
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
