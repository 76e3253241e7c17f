using Microsoft.AspNetCore.SignalR;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>Forwards committed live events to the citizen hub's groups on this node.</summary>
public sealed class HubBridge(LiveBus bus, IHubContext<CitizenHub, ICitizenClient> citizens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Published += ForwardAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.Published -= ForwardAsync;
        return Task.CompletedTask;
    }

    private Task ForwardAsync(LiveEvent e) => e switch
    {
        MessageAdded m => citizens.Clients.Group(CitizenHub.Group(m.ConversationId)).Message(m.Message),
        AgentTyping t => citizens.Clients.Group(CitizenHub.Group(t.ConversationId)).Typing(),
        _ => Task.CompletedTask,
    };
}
