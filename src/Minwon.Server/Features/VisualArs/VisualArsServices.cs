using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.VisualArs;

public static class VisualArsServices
{
    /// <summary>Visual ARS (보이는 ARS): menu tree, citizen pages, self-service forms, texted links, analytics.</summary>
    public static WebApplicationBuilder AddVisualArs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ArsOptions>().BindConfiguration(ArsOptions.Section);
        services.AddSingleton<ArsMenuCache>();
        services.AddSingleton<ArsLinkKeys>();
        services.AddSingleton<ArsLookupThrottle>();
        services.AddScoped<ArsMenuStore>();
        services.AddScoped<ArsVisits>();
        services.AddScoped<ArsUploadStore>();
        services.AddScoped<SubmitArsForm>();
        services.AddScoped<LookupArsCase>();
        services.AddScoped<StartArsHandoff>();
        services.AddScoped<SendArsLink>();
        services.AddScoped<ArsAnalyticsQuery>();
        services.TryAddSingleton<IArsNotices, NoArsNotices>();
        services.TryAddSingleton<IArsArticles, NoArsArticles>();
        services.AddSingleton<FakeSmsGateway>();
        services.AddHttpClient<HttpSmsGateway>(c => c.Timeout = TimeSpan.FromSeconds(10));
        // "channels": the SMS gateway of Features/Channels, also chosen when that gateway is configured and the
        // provider was left at its default.
        services.TryAddScoped<ISmsGateway>(sp => sp.GetRequiredService<IOptions<ArsOptions>>().Value.SmsProvider.ToLowerInvariant() switch
        {
            "http" => sp.GetRequiredService<HttpSmsGateway>(),
            "channels" => sp.GetRequiredService<ChannelAdapters.Sms.SmsLinkGateway>(),
            _ when sp.GetRequiredService<IOptions<ChannelAdapters.ChannelOptions>>().Value.Sms is { } sms
                && (sms.OutboundUrl.Length > 0 || string.Equals(sms.Provider, "solapi", StringComparison.OrdinalIgnoreCase))
                => sp.GetRequiredService<ChannelAdapters.Sms.SmsLinkGateway>(),
            _ => sp.GetRequiredService<FakeSmsGateway>(),
        });
        services.AddExceptionHandler<ArsMenuRejectedHandler>();
        return builder;
    }

    public static WebApplication MapVisualArs(this WebApplication app)
    {
        app.MapArsPages();
        app.MapArsLinks();
        app.MapArsApi();
        return app;
    }
}
