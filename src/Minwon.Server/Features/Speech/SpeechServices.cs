namespace Minwon.Server.Features.Speech;

public static class SpeechServices
{
    public static WebApplicationBuilder AddSpeech(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section)
            .Validate(o => o.Engine is "none" or "whisper" or "openai" or "pushed", "Minwon:Speech:Engine must be none, whisper, openai or pushed.")
            .Validate(o => o.QueuePerCall is >= 1 and <= 100 && o.MaxConcurrent is >= 1 and <= 64 && o.TimeoutSeconds is >= 1 and <= 600
                && o.MaxUtteranceSeconds is >= 2 and <= 60 && o.PaddingMilliseconds is >= 0 and <= 1000, "Speech settings are out of range (see README, Minwon:Speech).")
            .ValidateOnStart();
        builder.Services.AddSingleton<WhisperSpeechToText>();
        builder.Services.AddHttpClient<OpenAiSpeechToText>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<TranscriptBoard>();
        builder.Services.AddSingleton<CallTranscription>();
        builder.Services.AddSingleton<Voice.ICallObserver>(sp => sp.GetRequiredService<CallTranscription>());
        builder.Services.AddOptions<Callbot.CallbotOptions>().BindConfiguration(Callbot.CallbotOptions.Section)
            .Validate(o => o.NoInputSeconds is >= 1 and <= 60 && o.Retries is >= 0 and <= 5 && o.SpeechWaitSeconds is >= 1 and <= 60 && o.Notices >= 0
                && !string.IsNullOrWhiteSpace(o.EnglishVoice) && o.Lines.All(Callbot.CallbotSchedule.Valid),
                "Callbot settings are out of range (see README, Minwon:Callbot; times are HH:mm, Language is ko or en).")
            .ValidateOnStart();
        builder.Services.AddSingleton<Callbot.CallbotSchedule>();
        builder.Services.AddSingleton<Callbot.CallbotSessions>();
        builder.Services.AddSingleton<Voice.ICallObserver>(sp => sp.GetRequiredService<Callbot.CallbotSessions>());
        builder.Services.AddScoped<Callbot.CallbotRecords>();
        builder.Services.AddScoped<Callbot.CallbotLookup>();
        builder.Services.AddHostedService<ProtectionAnnouncer>();
        builder.Services.AddScoped<TranscriptWriter>();
        builder.Services.AddScoped<PushTranscript>();
        builder.Services.AddScoped<ReadTranscript>();
        builder.Services.AddScoped<SearchTranscripts>();
        return builder;
    }

    public static WebApplication MapSpeech(this WebApplication app)
    {
        app.MapSpeechApi();
        return app;
    }
}
