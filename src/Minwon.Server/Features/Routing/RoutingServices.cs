namespace Minwon.Server.Features.Routing;

public static class RoutingServices
{
    public static WebApplicationBuilder AddContactRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SetPresence>();
        builder.Services.AddScoped<SeedDefaultQueues>();
        return builder;
    }
}
