using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Tests.Protection;

/// <summary>
/// The real app on a fresh SQLite data directory with routing passes run by the test (no background worker),
/// and helpers to put a citizen and a counsellor into one assigned conversation.
/// </summary>
public sealed class ProtectionAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Minwon:Routing:Enabled", "false");
        builder.UseSetting("Minwon:Chatbot:Enabled", "false");
    }

    public async Task<string> CounsellorAsync(string name, CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateStaffUser>();
        var result = await create.HandleAsync(new StaffUserRequest(name, "test-password-1", StaffRoles.Counsellor, name + " 상담사",
            "lang:ko=10,channel:chat=9,team:protection=5", 5), updateIfExists: false, ct);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var agent = await db.Set<AgentProfile>().FirstAsync(a => a.DisplayName == name + " 상담사", ct);
        // The counsellor's desk is open (these tests drive the use cases, not a browser): presence and routing follow connections.
        await Services.GetRequiredService<AgentConnections>().ConnectedAsync("test-desk:" + agent.UserId, agent.UserId, "desk", ct);
        await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(agent.UserId,
            new PresenceRequest(Minwon.Core.Routing.Presence.Available, null), ct);
        return agent.UserId;
    }

    /// <summary>Starts a chat, routes it and has the given counsellor accept it.</summary>
    public async Task<(Guid ConversationId, string Token)> AssignedChatAsync(string agentId, CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest("ko", "시민", null, null), ct);
        // Other tests' counsellors may be available too: ask for this one by name, as a transfer would.
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        await db.Set<Conversation>().Where(c => c.Id == started.ConversationId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.PreferredAgentId, agentId), ct);
        await scope.ServiceProvider.GetRequiredService<RouteContacts>().RunOnceAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AgentActions>().AcceptAsync(started.ConversationId, agentId, ct);
        return (started.ConversationId, started.Token);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
