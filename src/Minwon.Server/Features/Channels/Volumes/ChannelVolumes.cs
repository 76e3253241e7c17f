using Microsoft.EntityFrameworkCore;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Volumes;

/// <param name="ByHour">Conversations that came in during each hour of the city's day (index 0 = 00:00–01:00).</param>
/// <param name="ServiceLevel">Answered within the queue's target among those answered or abandoned; null where it does not apply
/// (e-mail is not answered live) or nothing was answered or abandoned yet.</param>
public sealed record ChannelVolumeRow(string Channel, string Label, string Icon, int Total, int[] ByHour, int Answered, int Abandoned,
    double? ServiceLevel, bool ServiceLevelApplies);

/// <param name="Live">True: today, the finished hours from the analytics rollups and the current hour from its conversations as
/// they stand; false: a whole day from the rollups (contacts counted when they end).</param>
public sealed record ChannelVolumesView(DateOnly Day, DateTimeOffset AsOf, bool Live, List<ChannelVolumeRow> Channels);

/// <summary>
/// Inbound conversations per channel and hour of the city's day (by arrival, as the analytics rollups key them), with the
/// service level where it applies: for the wallboard today (finished hours from the hourly rollups, the current hour
/// live), and from the rollups alone for /analytics (any day).
/// </summary>
public sealed class ChannelVolumes(MinwonDbContext db, CityClock clock)
{
    /// <summary>The channels always listed, in this order; another channel with contacts is added after them.</summary>
    public static readonly string[] Known =
    [
        Conversations.Channels.WebChat, Conversations.Channels.Phone, Conversations.Channels.WebCall, Conversations.Channels.Sms,
        Conversations.Channels.Email, Conversations.Channels.TalkTalk, Conversations.Channels.Kakao, Conversations.Channels.X,
        Conversations.Channels.Video,
    ];

    /// <summary>E-mail is answered in hours, not seconds: a service level in seconds says nothing about it.</summary>
    public static bool ServiceLevelAppliesTo(string channel) => channel != Conversations.Channels.Email;

    public Task<ChannelVolumesView> TodayAsync(CancellationToken ct) => TodayAsync(null, ct);

    /// <summary>
    /// Today so far: the finished hours from the hourly rollups (the figures /analytics shows: contacts counted when they
    /// end), the current hour from its conversations as they stand, with the service level of <see cref="QueueStatistics"/>
    /// (the wallboard's). <paramref name="scanned"/> is the wallboard's scan of today's conversations when both are on one
    /// screen; without it only the current hour's conversations are read.
    /// </summary>
    public async Task<ChannelVolumesView> TodayAsync(TodaysContacts? scanned, CancellationToken ct)
    {
        var now = scanned?.AsOf ?? clock.UtcNow;
        var day = clock.DayOf(now);
        var midnight = clock.StartOf(day);
        var hour = TodaysContacts.StartOfHour(now, midnight);
        var rows = new Dictionary<string, Counts>();
        await AddRollupsAsync(rows, midnight, hour, ct);

        IEnumerable<TodaysContact> current = scanned is not null && scanned.Since <= hour && scanned.Midnight == midnight
            ? scanned.Rows
            : await db.Set<Conversation>().AsNoTracking().Where(c => c.CreatedAt >= hour || c.FirstEnqueuedAt >= hour)
                .Select(c => new TodaysContact(c.Channel, c.QueueId, c.Status, c.CreatedAt, c.FirstEnqueuedAt, c.AnsweredAt, c.EndedAt))
                .ToListAsync(ct);
        var thisHour = current.Where(c => c.Arrived >= hour && c.Arrived <= now).ToList();
        var targets = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.ServiceLevelSeconds, ct);
        foreach (var channel in thisHour.GroupBy(c => c.Channel))
        {
            var counts = Row(rows, channel.Key);
            foreach (var c in channel)
            {
                counts.Total++;
                counts.ByHour[Math.Clamp(clock.Local(c.Arrived).Hour, 0, 23)]++;
            }

            // One definition of the service level: the wallboard's, per queue and its target.
            foreach (var queue in channel.Where(c => c.QueueRecord is not null).GroupBy(c => c.QueueId))
            {
                var target = queue.Key is { } q ? targets.GetValueOrDefault(q, DefaultServiceLevelSeconds) : DefaultServiceLevelSeconds;
                var s = QueueStatistics.Compute(queue.Select(c => c.QueueRecord!), now, TimeSpan.FromSeconds(target));
                counts.Answered += s.AnsweredCount;
                counts.InServiceLevel += s.AnsweredWithinTarget;
                counts.Abandoned += s.AbandonedCount;
            }
        }

        return new ChannelVolumesView(day, now, Live: true, Rows(rows));
    }

    public async Task<ChannelVolumesView> DayAsync(DateOnly day, CancellationToken ct)
    {
        var rows = new Dictionary<string, Counts>();
        await AddRollupsAsync(rows, clock.StartOf(day), clock.StartOf(day.AddDays(1)), ct);
        return new ChannelVolumesView(day, clock.UtcNow, Live: false, Rows(rows));
    }

    /// <summary>The queue target where a conversation names none (the analytics rollups use the same).</summary>
    private const int DefaultServiceLevelSeconds = 20;

    private async Task AddRollupsAsync(Dictionary<string, Counts> rows, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        if (end <= start)
        {
            return;
        }

        var hours = await db.Set<Analytics.HourlyRollup>().AsNoTracking().Where(r => r.HourStart >= start && r.HourStart < end)
            .GroupBy(r => new { r.Channel, r.HourStart })
            .Select(g => new
            {
                g.Key.Channel, g.Key.HourStart, Contacts = g.Sum(r => r.Contacts), Answered = g.Sum(r => r.Answered),
                InServiceLevel = g.Sum(r => r.AnsweredInServiceLevel), Abandoned = g.Sum(r => r.Abandoned),
            })
            .ToListAsync(ct);
        foreach (var h in hours)
        {
            var counts = Row(rows, h.Channel);
            counts.Total += h.Contacts;
            counts.ByHour[Math.Clamp(clock.Local(h.HourStart).Hour, 0, 23)] += h.Contacts;
            counts.Answered += h.Answered;
            counts.InServiceLevel += h.InServiceLevel;
            counts.Abandoned += h.Abandoned;
        }
    }

    private static Counts Row(Dictionary<string, Counts> rows, string channel)
    {
        if (!rows.TryGetValue(channel, out var counts))
        {
            rows[channel] = counts = new Counts();
        }

        return counts;
    }

    private static List<ChannelVolumeRow> Rows(Dictionary<string, Counts> rows) =>
        Known.Concat(rows.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal)).Select(channel =>
        {
            var c = rows.GetValueOrDefault(channel) ?? new Counts();
            var applies = ServiceLevelAppliesTo(channel);
            double? level = applies && c.Answered + c.Abandoned > 0 ? (double)c.InServiceLevel / (c.Answered + c.Abandoned) : null;
            return new ChannelVolumeRow(channel, Contacts.ChannelBadges.Label(channel), Contacts.ChannelBadges.Icon(channel), c.Total, c.ByHour,
                c.Answered, c.Abandoned, level, applies);
        }).ToList();

    private sealed class Counts
    {
        public int Total { get; set; }
        public int[] ByHour { get; } = new int[24];
        public int Answered { get; set; }
        public int InServiceLevel { get; set; }
        public int Abandoned { get; set; }
    }
}
