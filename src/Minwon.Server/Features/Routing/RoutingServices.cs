namespace Minwon.Server.Features.Routing;

public static class RoutingServices
{
    public static WebApplicationBuilder AddContactRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SetPresence>();
        builder.Services.AddScoped<SeedDefaultQueues>();
        builder.Services.AddScoped<RouteContacts>();
        builder.Services.AddScoped<FollowConnections>();
        builder.Services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section);
        builder.Services.AddSingleton<AgentConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentConnections>());
        builder.Services.AddScoped<DeskCircuit>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<DeskCircuit>());
        builder.Services.AddScoped<Wallboard>();
        if (builder.Configuration.GetValue("Minwon:Routing:Enabled", true))
        {
            builder.Services.AddHostedService<RoutingWorker>();
        }

        builder.Services.AddHostedService<QueueMetrics>();

        return builder;
    }
}
