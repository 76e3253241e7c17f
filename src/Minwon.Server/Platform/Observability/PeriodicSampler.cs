using Microsoft.Extensions.Options;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Reads gauges from the database every <see cref="ObservabilityOptions.SampleSeconds"/> (a scrape never waits on the
/// database). A failed read is logged and tried again at the next tick; the gauges keep their last values.
/// </summary>
public abstract partial class PeriodicSampler(IServiceScopeFactory scopes, IOptions<ObservabilityOptions> options, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected abstract Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is the machine's, not the application clock's: a test that moves a fake clock by a month would
        // otherwise fire a quarter of a million samples inside its Advance call.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SampleSeconds)));
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await SampleAsync(scope.ServiceProvider, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSampleFailed(logger, ex, GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sampler} could not read its gauges; trying again")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception, string sampler);
}
