using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.Operations;

/// <summary>Runs <see cref="RunRetention"/> once a day on one node at a time (the <c>retention</c> lease), first at start.</summary>
public sealed partial class RetentionWorker(IServiceScopeFactory scopes, ILeases leases, TimeProvider clock, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leases.AcquireAsync("retention", stoppingToken);
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                while (!held.IsCancellationRequested)
                {
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        foreach (var result in await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync(dryRun: false, held.Token))
                        {
                            if (result.Count > 0)
                            {
                                LogPurged(result.Kind, result.Count, result.Days);
                            }
                        }
                    }

                    await Task.Delay(Interval, clock, held.Token);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged {Count} {Kind} older than {Days} days")]
    private partial void LogPurged(string kind, long count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed; trying again in five minutes")]
    private partial void LogFailed(Exception exception);
}
