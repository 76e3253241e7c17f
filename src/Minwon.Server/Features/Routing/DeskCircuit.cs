using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Minwon.Server.Features.Routing;

/// <summary>
/// The desk page's live connection: one per Blazor circuit (scoped), counted in <see cref="AgentConnections"/> while the
/// circuit's connection is up, once the desk has said whose it is. Other staff pages (wallboard, admin) never call
/// <see cref="TrackAsync"/>, so a supervisor watching the wallboard is not "there" for offers.
/// </summary>
public sealed class DeskCircuit(AgentConnections connections) : CircuitHandler
{
    private string? userId;
    private string? circuitId;
    private bool up = true;

    private string ConnectionId => "desk:" + circuitId;

    /// <summary>Called by the desk once its circuit is interactive.</summary>
    public async Task TrackAsync(string agentId, CancellationToken ct)
    {
        userId = agentId;
        if (circuitId is not null && up)
        {
            await connections.ConnectedAsync(ConnectionId, agentId, "desk", ct);
        }
    }

    /// <summary>The desk page was left inside the same circuit.</summary>
    public async Task UntrackAsync(CancellationToken ct)
    {
        userId = null;
        if (circuitId is not null)
        {
            await connections.DisconnectedAsync(ConnectionId, ct);
        }
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        up = true;
        if (userId is { } id)
        {
            await connections.ConnectedAsync(ConnectionId, id, "desk", cancellationToken);
        }
    }

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        up = false;
        await connections.DisconnectedAsync("desk:" + circuit.Id, cancellationToken);
    }

    public override async Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        up = false;
        await connections.DisconnectedAsync("desk:" + circuit.Id, cancellationToken);
    }
}
