using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Video;

/// <summary>
/// Keeps <see cref="VideoRecordingStore"/>'s writers to the calls being recorded on this node: a writer goes when its
/// call ends (the conversation's change reaches every node over the live bus) and, as a backstop, after
/// <see cref="VideoOptions.RecordingWriterIdleMinutes"/> without a chunk.
/// </summary>
public sealed partial class VideoRecordingJanitor(VideoRecordingStore store, LiveBus bus, IDbContextFactory<MinwonDbContext> dbs,
    IOptions<VideoOptions> options, TimeProvider clock, ILogger<VideoRecordingJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Published += OnPublishedAsync;
        try
        {
            using var timer = new PeriodicTimer(Period, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var evicted = await store.EvictIdleAsync(TimeSpan.FromMinutes(options.Value.RecordingWriterIdleMinutes), stoppingToken);
                    if (evicted > 0)
                    {
                        LogIdleEvicted(evicted);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.Published -= OnPublishedAsync;
        }
    }

    private async Task OnPublishedAsync(LiveEvent e)
    {
        if (e is not ConversationChanged changed || !store.HasWriters(changed.ConversationId))
        {
            return;
        }

        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            var status = await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == changed.ConversationId).Select(c => (ConversationStatus?)c.Status)
                .FirstOrDefaultAsync();
            if (status != ConversationStatus.Assigned)
            {
                await store.EvictAsync(changed.ConversationId, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped {Count} idle video recording writers")]
    private partial void LogIdleEvicted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video recording writer clean-up failed; the idle sweep retries")]
    private partial void LogFailed(Exception exception);
}
