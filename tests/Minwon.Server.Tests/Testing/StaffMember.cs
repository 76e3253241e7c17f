using System.Net;

namespace Minwon.Server.Tests.Testing;

/// <summary>A signed-in staff member: their account and an HttpClient that carries their sign-in cookie.</summary>
public sealed record StaffMember(string Id, string UserName, string DisplayName, string Role, HttpClient Http, CookieContainer Cookies)
{
    /// <summary>The Cookie header for clients that do not share the container (SignalR).</summary>
    public string CookieHeader(Uri baseAddress) => Cookies.GetCookieHeader(baseAddress);

    /// <summary>The in-memory app the member signed in to (null for a real server process).</summary>
    public MinwonApp? App { get; init; }

    /// <summary>The member's open /hubs/staff connection, the live connection presence and routing follow (<see cref="ChatApi.ConnectAsync"/>).</summary>
    public Microsoft.AspNetCore.SignalR.Client.HubConnection? Live { get; set; }
}
