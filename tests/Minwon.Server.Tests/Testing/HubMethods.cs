using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace Minwon.Server.Tests.Testing;

/// <summary>The methods a hub exposes to clients, so access tests notice a new one.</summary>
public static class HubMethods
{
    public static List<string> Of<THub>() where THub : Hub =>
        typeof(THub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).Distinct().Order().ToList();
}
