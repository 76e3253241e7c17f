using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.Analytics;

/// <summary>Copies new cases into the DuckDB warehouse on a schedule.</summary>
public sealed partial class WarehouseWorker(IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, TimeProvider clock,
    ILogger<WarehouseWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.WarehouseSyncSeconds;
        if (every <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SyncWarehouse>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SyncFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(every), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Warehouse sync failed")]
        public static partial void SyncFailed(ILogger logger, Exception exception);
    }
}
