using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Quality;

/// <summary>Scores consultations as their cases close: reads the event log by cursor, a batch at a time.</summary>
public sealed partial class QualityWorker(IServiceScopeFactory scopes, IOptions<QualityOptions> options, TimeProvider clock,
    ILogger<QualityWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                read = await scope.ServiceProvider.GetRequiredService<ScoreClosedConsultations>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Another node may have taken the same batch (the cursor's concurrency token); retry after a pause.
                Log.BatchFailed(logger, ex);
            }

            if (read == 0)
            {
                await Task.Delay(idle, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Quality scoring batch failed")]
        public static partial void BatchFailed(ILogger logger, Exception exception);
    }
}
