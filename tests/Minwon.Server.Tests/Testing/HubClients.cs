using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Minwon.Server.Tests.Testing;

/// <summary>SignalR clients connected to the in-memory test server over WebSockets, as a browser would connect.</summary>
public static class HubClients
{
    public static HubConnection CitizenHub(this MinwonApp app, string? clientAddress = null) => Connect(app, "hubs/citizen", null, clientAddress);

    public static HubConnection StaffHub(this MinwonApp app, StaffMember? staff) => Connect(app, "hubs/staff", staff);

    /// <summary>A started /hubs/staff connection to a real server process, signed in with <paramref name="cookies"/>:
    /// the live connection presence and routing follow.</summary>
    public static async Task<HubConnection> StaffHubAsync(Uri baseAddress, System.Net.CookieContainer cookies, CancellationToken ct)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/staff"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = cookies.GetCookieHeader(baseAddress);
            })
            .Build();
        await hub.StartAsync(ct);
        return hub;
    }

    private static HubConnection Connect(MinwonApp app, string path, StaffMember? staff, string? clientAddress = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (staff is not null)
                {
                    o.Headers["Cookie"] = staff.CookieHeader(app.Server.BaseAddress);
                }

                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = r =>
                    {
                        if (staff is not null)
                        {
                            r.Headers.Cookie = staff.CookieHeader(app.Server.BaseAddress);
                        }

                        if (clientAddress is not null)
                        {
                            r.Headers[TestClientAddress.Header] = clientAddress;
                        }
                    };

                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
}
