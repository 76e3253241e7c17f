using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Features.Voice.Speech;
using Minwon.Server.Features.Voice.Transports;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

public static class VoiceServices
{
    public static WebApplicationBuilder AddVoice(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section)
            .Validate(o => o.Tts.Engine is "espeak-ng" or "openai" or "none", "Minwon:Voice:Tts:Engine must be espeak-ng, openai or none.")
            .Validate(o => o.JitterMaxFrames is >= 1 and <= 100 && o.JitterPrefillFrames >= 1 && o.JitterPrefillFrames <= o.JitterMaxFrames
                && o.OutboundQueueFrames is >= 1 and <= 500 && o.AudioSocket.MaxPayloadBytes is >= 320 and <= 65535 && o.ChatsDuringCall >= 0,
                "Voice settings are out of range (see README, Minwon:Voice).")
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaClock>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MediaClock>());
        builder.Services.AddSingleton<EspeakTextToSpeech>();
        builder.Services.AddHttpClient<OpenAiTextToSpeech>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<ITextToSpeech>(TextToSpeechEngines);
        builder.Services.AddSingleton<PromptLibrary>();
        builder.Services.AddSingleton<CallManager>();
        builder.Services.AddSingleton<CallRecovery>();
        builder.Services.AddSingleton<LoopbackTelephony>();
        builder.Services.AddSingleton<Softphone.SoftphoneQueries>();
        builder.Services.AddHostedService<VoiceStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CallRecovery>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CallManager>());
        builder.Services.AddHostedService<CallMetrics>();
        builder.Services.AddSingleton<AudioSocketListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AudioSocketListener>());
        builder.Services.AddScoped<CallRecords>();
        builder.Services.AddScoped<CallControls>();
        builder.Services.AddScoped<AnnounceCall>();
        builder.Services.AddScoped<StartWebCall>();
        builder.Services.AddScoped<PlayRecording>();
        builder.Services.AddScoped<VoiceStats>();
        builder.Services.AddHealthChecks().AddCheck<AudioSocketHealthCheck>("audiosocket", tags: ["ready"]);
        return builder;
    }

    /// <summary>The configured engine first, espeak-ng behind the OpenAI-compatible one, each with its own disk cache.</summary>
    private static ITextToSpeech TextToSpeechEngines(IServiceProvider sp)
    {
        var tts = sp.GetRequiredService<IOptions<VoiceOptions>>().Value.Tts;
        var cache = Path.Combine(sp.GetRequiredService<IOptions<MinwonOptions>>().Value.ResolvedDataDir, "voice", "tts-cache");
        var espeak = new CachedTextToSpeech(sp.GetRequiredService<EspeakTextToSpeech>(), cache);
        return tts.Engine switch
        {
            "openai" => new FallbackTextToSpeech([new CachedTextToSpeech(sp.GetRequiredService<OpenAiTextToSpeech>(), cache), espeak]),
            "none" => new FallbackTextToSpeech([]),
            _ => new FallbackTextToSpeech([espeak]),
        };
    }

    public static WebApplication MapVoice(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapVoiceApi();
        app.MapVoiceMedia();
        return app;
    }
}

/// <summary>Ends the calls of stopped nodes before the listener opens (hosted services start in registration order; this node's lease is held by then).</summary>
internal sealed class VoiceStartup(CallRecovery recovery, IHostEnvironment environment, IOptions<VoiceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The database is migrated by DatabaseInitializer, registered before every feature.
        await recovery.RunAsync(CallRecovery.NodeRestart, cancellationToken);
        if (environment.IsDevelopment() && options.Value is { Enabled: true, ApiKey.Length: > 0 } voice)
        {
            // Beside the demo logins DatabaseInitializer printed: what a PBX or carrier presents in the demo.
            Console.Out.WriteLine($"Demo voice API key (X-Api-Key, ?key=, customParameters.key): {voice.ApiKey}"
                + (voice.AudioSocket.Listen.Length > 0 ? $"; AudioSocket on {voice.AudioSocket.Listen}" : ""));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>/health/ready: the AudioSocket listener is bound (or switched off on purpose).</summary>
internal sealed class AudioSocketHealthCheck(AudioSocketListener listener) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await listener.Started.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return listener switch
        {
            { Disabled: true } => HealthCheckResult.Healthy("AudioSocket is switched off (Minwon:Voice:AudioSocket:Listen is empty)."),
            { Endpoint: { } endpoint } => HealthCheckResult.Healthy($"AudioSocket listening on {endpoint}."),
            _ => HealthCheckResult.Unhealthy($"AudioSocket is not listening: {listener.Failure}"),
        };
    }
}
