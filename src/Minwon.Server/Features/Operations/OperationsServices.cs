namespace Minwon.Server.Features.Operations;

/// <summary>Retention (daily purge, one node at a time); backup and restore are commands (<see cref="OperationsCli"/>).</summary>
public static class OperationsServices
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.MessagesDays >= 0 && o.TranscriptsDays >= 0 && o.RecordingsDays >= 0 && o.UploadsDays >= 0,
                "Retention days must be 0 (keep) or more (see README, Minwon:Retention).")
            .Validate(o => o.AccessLogDays == 0 || o.AccessLogDays >= RetentionOptions.MinimumAccessLogDays,
                $"Minwon:Retention:AccessLogDays must be 0 (keep for good) or at least {RetentionOptions.MinimumAccessLogDays} (two years): the access log is legal evidence.")
            .ValidateOnStart();
        builder.Services.AddScoped<RunRetention>();
        if (builder.Configuration.GetValue($"{RetentionOptions.Section}:Enabled", true))
        {
            builder.Services.AddHostedService<RetentionWorker>();
        }

        return builder;
    }
}
