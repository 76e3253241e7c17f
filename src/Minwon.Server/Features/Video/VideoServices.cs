namespace Minwon.Server.Features.Video;

public static class VideoServices
{
    public static WebApplicationBuilder AddVideo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.Section)
            .Validate(o => o.CredentialSeconds is >= 60 and <= 86_400, "Minwon:Video:CredentialSeconds must be between 60 and 86400.")
            .Validate(o => o.TurnUrls.All(u => u.StartsWith("turn:", StringComparison.Ordinal) || u.StartsWith("turns:", StringComparison.Ordinal))
                && o.StunUrls.All(u => u.StartsWith("stun:", StringComparison.Ordinal) || u.StartsWith("stuns:", StringComparison.Ordinal)),
                "Minwon:Video:TurnUrls must start with turn: or turns:, StunUrls with stun: or stuns:.")
            .Validate(o => !o.RelayOnly || o.TurnUrls.Length > 0 && o.TurnSecret.Length > 0,
                "Minwon:Video:RelayOnly needs TurnUrls and TurnSecret.")
            .Validate(o => o.RecordingGraceSeconds is >= 0 and <= 300, "Minwon:Video:RecordingGraceSeconds must be between 0 and 300.")
            .Validate(o => o.RecordingWriterIdleMinutes is >= 1 and <= 1440, "Minwon:Video:RecordingWriterIdleMinutes must be between 1 and 1440.")
            .ValidateOnStart();
        builder.Services.AddScoped<StartVideoCall>();
        builder.Services.AddScoped<IssueVideoIceServers>();
        builder.Services.AddScoped<VideoSignalling>();
        builder.Services.AddScoped<VideoRecordings>();
        builder.Services.AddSingleton<VideoRecordingStore>();
        builder.Services.AddHostedService<VideoRecordingJanitor>();
        // The supervisors' list of call and video recordings (Features/Recordings, /recordings).
        builder.Services.AddScoped<Recordings.RecentRecordings>();
        return builder;
    }

    public static WebApplication MapVideo(this WebApplication app)
    {
        app.MapVideoApi();
        app.MapVideoPage();
        return app;
    }
}
