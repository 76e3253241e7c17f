using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
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

/// <param name="Live">True: counted from today's conversations as they stand; false: from the analytics rollups (ended contacts).</param>
public sealed record ChannelVolumesView(DateOnly Day, DateTimeOffset AsOf, bool Live, List<ChannelVolumeRow> Channels);

/// <summary>
/// Inbound conversations per channel and hour of the city's day, with the service level where it applies: live for the
/// wallboard (today's conversations), and from the hourly rollups for /analytics (any day; contacts counted when they end).
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

    public async Task<ChannelVolumesView> TodayAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var day = clock.DayOf(now);
        var midnight = clock.StartOf(day);
        var targets = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.ServiceLevelSeconds, ct);
        var today = await db.Set<Conversation>().AsNoTracking().Where(c => c.CreatedAt >= midnight)
            .Select(c => new { c.Channel, c.QueueId, c.CreatedAt, c.FirstEnqueuedAt, c.AnsweredAt, c.Status })
            .ToListAsync(ct);
        var rows = new Dictionary<string, Counts>();
        foreach (var c in today)
        {
            var counts = Row(rows, c.Channel);
            counts.Total++;
            counts.ByHour[Math.Clamp(clock.Local(c.CreatedAt).Hour, 0, 23)]++;
            if (c.FirstEnqueuedAt is not { } queued)
            {
                continue; // the bot answered it and no one waited
            }

            if (c.AnsweredAt is { } answered)
            {
                counts.Answered++;
                var target = c.QueueId is { } q ? targets.GetValueOrDefault(q, 20) : 20;
                counts.InServiceLevel += (answered - queued).TotalSeconds <= target ? 1 : 0;
            }
            else if (c.Status == ConversationStatus.Abandoned)
            {
                counts.Abandoned++;
            }
        }

        return new ChannelVolumesView(day, now, Live: true, Rows(rows));
    }

    public async Task<ChannelVolumesView> DayAsync(DateOnly day, CancellationToken ct)
    {
        var start = clock.StartOf(day);
        var end = clock.StartOf(day.AddDays(1));
        var hours = await db.Set<Analytics.HourlyRollup>().AsNoTracking().Where(r => r.HourStart >= start && r.HourStart < end)
            .GroupBy(r => new { r.Channel, r.HourStart })
            .Select(g => new
            {
                g.Key.Channel, g.Key.HourStart, Contacts = g.Sum(r => r.Contacts), Answered = g.Sum(r => r.Answered),
                InServiceLevel = g.Sum(r => r.AnsweredInServiceLevel), Abandoned = g.Sum(r => r.Abandoned),
            })
            .ToListAsync(ct);
        var rows = new Dictionary<string, Counts>();
        foreach (var h in hours)
        {
            var counts = Row(rows, h.Channel);
            counts.Total += h.Contacts;
            counts.ByHour[Math.Clamp(clock.Local(h.HourStart).Hour, 0, 23)] += h.Contacts;
            counts.Answered += h.Answered;
            counts.InServiceLevel += h.InServiceLevel;
            counts.Abandoned += h.Abandoned;
        }

        return new ChannelVolumesView(day, clock.UtcNow, Live: false, Rows(rows));
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
