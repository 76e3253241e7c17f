namespace Minwon.Server.Platform;

/// <summary>
/// This process among the nodes: a new id at every start. Work that lives in one process (a call's media bridge) records
/// it, so the others can tell whose it is after a crash (docs/deployment.md, "Calls").
/// </summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
