using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Platform.Events;

public static class EventServices
{
    /// <summary>The event log, its consumer host and the wake-up signal; leases default to one node.</summary>
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section);
        builder.Services.AddScoped<EventLog>();
        builder.Services.AddSingleton<LiveBus>();
        builder.Services.AddSingleton<EventConsumerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventConsumerHost>());
        return builder;
    }

    /// <summary>Registers a consumer; the host runs it with its own cursor.</summary>
    public static IServiceCollection AddEventConsumer<TConsumer>(this IServiceCollection services) where TConsumer : EventConsumer
    {
        services.AddSingleton<TConsumer>();
        services.AddSingleton<EventConsumer>(sp => sp.GetRequiredService<TConsumer>());
        return services;
    }
}
