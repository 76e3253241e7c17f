using Microsoft.Extensions.Options;
using Minwon.Server.Features.ChannelAdapters.Sms;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters;

public static class ChannelServices
{
    /// <summary>Channels beyond web chat and the phone (SMS/MMS, e-mail): adapters, inbound webhooks and readers, the outbox.</summary>
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section);
        // The settings screen's values over the configuration, seen by every IOptions<ChannelOptions> without a restart.
        services.AddSingleton<Settings.ChannelSettingsOverrides>();
        services.AddSingleton<IOptionsChangeTokenSource<ChannelOptions>>(sp => sp.GetRequiredService<Settings.ChannelSettingsOverrides>());
        services.AddSingleton<IPostConfigureOptions<ChannelOptions>>(sp => sp.GetRequiredService<Settings.ChannelSettingsOverrides>());
        services.AddSingleton<IOptions<ChannelOptions>, Settings.CurrentChannelOptions>();
        services.AddSingleton<Settings.ChannelSettingsLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<Settings.ChannelSettingsLoader>());
        services.AddScoped<Settings.ChannelSettingsAdmin>();
        services.AddSingleton<ChannelOutboxSignal>();
        services.AddScoped<ChannelRegistry>();
        services.AddScoped<ReceiveChannelMessage>();
        services.AddEventConsumer<QueueChannelReplies>();
        services.AddSingleton<ChannelOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelOutboxSender>());

        // The redirect handler is off: a gateway's redirect would be followed with our key, and an image URL to anywhere.
        services.AddHttpClient<SmsChannel>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<IChannelAdapter>(sp => sp.GetRequiredService<SmsChannel>());
        services.AddHttpClient<SmsMediaFetcher>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<ReceiveSms>();
        services.AddScoped<ProcessSms>();
        services.AddScoped<SmsDeliveryReceipt>();
        services.AddScoped<SmsLinkGateway>();
        services.AddSingleton<Email.EmailChannel>();
        services.AddScoped<IChannelAdapter>(sp => sp.GetRequiredService<Email.EmailChannel>());
        services.AddScoped<Email.ReceiveEmail>();
        services.AddSingleton<Email.EmailInboxReader>();
        services.AddHostedService(sp => sp.GetRequiredService<Email.EmailInboxReader>());
        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<ChannelInboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelInboxWriter>());
        services.AddEventConsumer<ProcessChannelInbox>();
        AddMessenger<Messengers.TalkTalkChannel>(services);
        AddMessenger<Messengers.KakaoChannel>(services);
        AddMessenger<Messengers.XChannel>(services);
        services.AddHostedService<ChannelStartup>();
        services.AddScoped<Contacts.LinkContacts>();
        services.AddScoped<Contacts.ContactHistory>();
        services.AddScoped<Attachments.ChannelPhotos>();
        services.AddScoped<Volumes.ChannelVolumes>();
        var health = services.AddHealthChecks();
        foreach (var channel in new[] { Conversations.Channels.Sms, Conversations.Channels.Email, Conversations.Channels.TalkTalk,
            Conversations.Channels.Kakao, Conversations.Channels.X })
        {
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("channel-" + channel,
                sp => new ChannelAdapterHealthCheck(channel, sp.GetRequiredService<IServiceScopeFactory>()), null, ["ready"]));
        }

        health.AddCheck<ChannelInboxHealthCheck>("channel-inbox", tags: ["ready"]);

        return builder;
    }

    private static void AddMessenger<T>(IServiceCollection services) where T : class, IChannelAdapter
    {
        services.AddHttpClient<T>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<IChannelAdapter>(sp => sp.GetRequiredService<T>());
    }

    public static WebApplication MapChannels(this WebApplication app)
    {
        var channels = app.MapGroup("/api/channels").WithTags("Channels");
        channels.MapSmsWebhooks();
        Messengers.TalkTalkWebhook.Map(channels);
        Messengers.KakaoWebhook.Map(channels);
        Messengers.XWebhook.Map(channels);
        Contacts.ContactLinkEndpoints.Map(app);
        Attachments.ChannelPhotoEndpoints.Map(channels);
        Settings.ChannelSettingsEndpoints.Map(channels);
        Volumes.ChannelVolumeEndpoints.Map(channels);
        return app;
    }
}

/// <summary>In Development, prints the demo SMS gateway key beside the demo logins, as the voice key is.</summary>
internal sealed class ChannelStartup(IHostEnvironment environment, IOptions<ChannelOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() && options.Value.Sms.ApiKey.Length > 0)
        {
            var sms = options.Value.Sms;
            Console.Out.WriteLine($"Demo SMS gateway key (X-Api-Key for POST /api/channels/sms/inbound and /status): {sms.ApiKey}; replies go to "
                + (sms.OutboundUrl.Length > 0 ? sms.OutboundUrl : "nowhere yet (set Minwon__Channels__Sms__OutboundUrl)"));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
