using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Features.Voice;

public sealed record ChannelFigures(string Channel, int Waiting, int LongestWaitSeconds, double? ServiceLevel, int ServiceLevelTargetSeconds,
    double? AbandonmentRate, int Answered, int Abandoned, double? AverageHandlingSeconds, double? AverageSpeedOfAnswerSeconds);

public sealed record VoiceFigures(DateTimeOffset AsOf, int LiveCallsOnThisNode, List<ChannelFigures> Channels, long MediaTicks,
    long SkippedTicks, long MaxTickMicroseconds);

/// <summary>
/// Wallboard figures per channel since midnight in the city's zone (<see cref="Platform.CityClock"/>): calls waiting, longest wait, service level (answered within
/// the target over answered plus abandoned, short abandons left out), abandonment, average handling time (answer to
/// end), from the same <see cref="QueueStatistics"/> as the queue wallboard.
/// </summary>
public sealed class VoiceStats(MinwonDbContext db, TimeProvider clock, Platform.CityClock city, IOptions<VoiceOptions> options, CallManager calls,
    Media.MediaClock media)
{
    public async Task<VoiceFigures> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var midnight = city.StartOf(city.DayOf(now));
        var rows = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.FirstEnqueuedAt != null && (c.FirstEnqueuedAt >= midnight
                || c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered))
            .Select(c => new { c.Channel, c.Status, c.FirstEnqueuedAt, c.AnsweredAt, c.EndedAt })
            .ToListAsync(ct);
        var target = TimeSpan.FromSeconds(options.Value.ServiceLevelSeconds);
        var channels = new List<ChannelFigures>();
        foreach (var channel in new[] { Channels.Phone, Channels.WebCall, Channels.Video, Channels.WebChat })
        {
            var mine = rows.Where(r => r.Channel == channel).ToList();
            var s = QueueStatistics.Compute(mine.Select(c => new QueueContactRecord(c.FirstEnqueuedAt!.Value, c.AnsweredAt,
                c.Status == ConversationStatus.Abandoned && c.AnsweredAt is null ? c.EndedAt : null)), now, target);
            var handled = mine.Where(c => c.AnsweredAt is not null && c.EndedAt is not null).Select(c => (c.EndedAt!.Value - c.AnsweredAt!.Value).TotalSeconds).ToList();
            channels.Add(new ChannelFigures(channel, s.WaitingCount, (int)s.LongestWait.TotalSeconds, s.ServiceLevel, options.Value.ServiceLevelSeconds,
                s.AbandonmentRate, s.AnsweredCount, s.AbandonedCount, handled.Count == 0 ? null : handled.Average(),
                s.AverageSpeedOfAnswer?.TotalSeconds));
        }

        return new VoiceFigures(now, calls.OpenCalls, channels, media.Ticks, media.SkippedTicks, media.MaxTickMicroseconds);
    }
}
