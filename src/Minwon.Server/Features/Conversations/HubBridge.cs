using Microsoft.AspNetCore.SignalR;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Forwards this node's committed live events to the hubs' groups. Only this node's: with Redis, SignalR's backplane
/// already carries them to connections on every node, and events from other nodes were sent there by their own bridge.
/// </summary>
public sealed class HubBridge(LiveBus bus, IHubContext<CitizenHub, ICitizenClient> citizens, IHubContext<StaffHub, IStaffClient> staff,
    IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.PublishedHere += ForwardAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.PublishedHere -= ForwardAsync;
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(LiveEvent e)
    {
        switch (e)
        {
            case MessageAdded m:
                await citizens.Clients.Group(CitizenHub.Group(m.ConversationId)).Message(m.Message);
                await StaffAudience(m.AgentId).Message(m.ConversationId, m.Message);
                break;
            case AgentTyping t:
                await citizens.Clients.Group(CitizenHub.Group(t.ConversationId)).Typing();
                break;
            case CitizenTyping t:
                await StaffAudience(await AgentOfAsync(t.ConversationId)).CitizenTyping(t.ConversationId);
                break;
            case ConversationChanged c:
                await StaffAudience(c.AgentId).ConversationChanged(c.ConversationId);
                await citizens.Clients.Group(CitizenHub.Group(c.ConversationId)).Changed();
                break;
        }
    }

    private IStaffClient StaffAudience(string? agentId) =>
        agentId is null
            ? staff.Clients.Group(StaffHub.CenterGroup)
            : staff.Clients.Groups(StaffHub.AgentGroup(agentId), StaffHub.CenterGroup);

    // The counsellor currently holding the conversation; a small indexed read per message.
    private async Task<string?> AgentOfAsync(Guid conversationId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.MinwonDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.AssignedToId ?? c.OfferedToId));
    }
}
