using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, the runtime and <see cref="MinwonMetrics"/>),
/// <c>GET /metrics</c> for Prometheus (<see cref="MetricsAccess"/>), OTLP export when an endpoint is set, and log scopes
/// with conversation and call ids (<see cref="LogScopes"/>). docs/operations.md.
/// </summary>
public static class ObservabilityServices
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section);
        builder.Services.AddSingleton<MinwonMetrics>();
        builder.Services.AddHostedService<ConsumerLagSampler>();
        var settings = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var otlp = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? null : new Uri(settings.OtlpEndpoint);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("minwon", serviceInstanceId: null))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MinwonMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (settings.Metrics)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            // Traces are only worth collecting when they go somewhere.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return builder;
    }

    /// <summary>Middleware and the scrape endpoint; before authentication, which <c>/metrics</c> does not use.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        app.UseMiddleware<LogScopes>();
        if (app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Metrics)
        {
            app.UseWhen(http => http.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase), branch => branch.UseMiddleware<MetricsAccess>());
            app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        }

        return app;
    }
}
