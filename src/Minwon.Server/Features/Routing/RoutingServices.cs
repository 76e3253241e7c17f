namespace Minwon.Server.Features.Routing;

public static class RoutingServices
{
    public static WebApplicationBuilder AddContactRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SetPresence>();
        builder.Services.AddScoped<SeedDefaultQueues>();
        builder.Services.AddScoped<RouteContacts>();
        builder.Services.AddScoped<Wallboard>();
        if (builder.Configuration.GetValue("Minwon:Routing:Enabled", true))
        {
            builder.Services.AddHostedService<RoutingWorker>();
        }

        builder.Services.AddHostedService<QueueMetrics>();

        return builder;
    }
}
