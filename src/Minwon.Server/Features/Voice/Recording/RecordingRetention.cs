using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Voice.Recording;

/// <summary>Deletes recordings older than Minwon:Voice:RecordingRetentionDays (file and key; the row keeps the fact), hourly.</summary>
public sealed partial class RecordingRetention(IServiceScopeFactory scopes, IOptions<VoiceOptions> options, TimeProvider clock,
    CallManager calls, ILogger<RecordingRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        if (options.Value.RecordingRetentionDays <= 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RecordingRetentionDays);
        var due = await db.Set<CallRecording>().Where(r => r.DeletedAt == null && r.StartedAt < cutoff).Take(500).ToListAsync(ct);
        foreach (var recording in due)
        {
            File.Delete(Path.Combine(calls.RecordingsDirectory, recording.FileName));
            recording.DeletedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        if (due.Count > 0)
        {
            LogDeleted(due.Count, options.Value.RecordingRetentionDays);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} recordings older than {Days} days")]
    private partial void LogDeleted(int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording retention sweep failed; retrying in five minutes")]
    private partial void LogFailed(Exception exception);
}
