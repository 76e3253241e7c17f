using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Reference;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// The standard dashboard over rollups: totals, days and hours of the day from the hourly rollups (grouped by hour
/// only), channel, category, district and the previous period from the daily ones. Each figure is one grouped query,
/// so the cost grows with rollup rows, not with contacts. Days and hours are Seoul time.
/// </summary>
public sealed class DashboardQueries(MinwonDbContext db, CityClock clock)
{
    public static readonly IReadOnlyDictionary<string, string> ChannelNames = new Dictionary<string, string>
    {
        ["phone"] = "전화", ["webcall"] = "웹 전화", ["chat"] = "채팅", ["sms"] = "문자", ["app"] = "앱", ["video"] = "수어 영상", ["ars"] = "보이는 ARS", ["unknown"] = Warehouse.Unknown,
    };

    public async Task<DashboardData> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = clock.StartOf(from);
        var end = clock.StartOf(to.AddDays(1));
        var previousStart = start - (end - start);
        var current = Range(start, end);
        var previousFrom = DateOnly.FromDateTime(previousStart.DateTime);
        var days = db.Set<DailyRollup>().AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        var previousDays = db.Set<DailyRollup>().AsNoTracking().Where(r => r.Day >= previousFrom && r.Day < from);

        var hours = await current.GroupBy(r => r.HourStart).Select(g => new
        {
            Hour = g.Key,
            Totals = new RollupTotals(g.Sum(r => (long)r.Contacts), g.Sum(r => (long)r.Cases), g.Sum(r => (long)r.Answered),
                g.Sum(r => (long)r.AnsweredInServiceLevel), g.Sum(r => (long)r.Abandoned), g.Sum(r => r.HandleSeconds),
                g.Sum(r => (long)r.FirstContactResolved), g.Sum(r => (long)r.BotResolved)),
        }).ToListAsync(cancellationToken);
        var previousTotals = (await previousDays.GroupBy(r => 1).Select(g => new RollupTotals(g.Sum(r => (long)r.Contacts),
            g.Sum(r => (long)r.Cases), g.Sum(r => (long)r.Answered), g.Sum(r => (long)r.AnsweredInServiceLevel),
            g.Sum(r => (long)r.Abandoned), g.Sum(r => r.HandleSeconds), g.Sum(r => (long)r.FirstContactResolved),
            g.Sum(r => (long)r.BotResolved))).ToListAsync(cancellationToken)).FirstOrDefault() ?? RollupTotals.Zero;

        var totals = hours.Aggregate(RollupTotals.Zero, (sum, h) => sum.Plus(h.Totals));
        var byHour = new long[24];
        var byDay = new Dictionary<DateOnly, long>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            byDay[day] = 0;
        }

        foreach (var h in hours)
        {
            var local = clock.Local(h.Hour);
            byHour[local.Hour] += h.Totals.Contacts;
            var day = DateOnly.FromDateTime(local.DateTime);
            byDay[day] = byDay.GetValueOrDefault(day) + h.Totals.Contacts;
        }

        var channels = await days.GroupBy(r => r.Channel).Select(g => new { g.Key, Count = g.Sum(r => (long)r.Contacts) })
            .ToListAsync(cancellationToken);
        var byChannel = channels.Select(c => new NamedCount(c.Key, ChannelNames.GetValueOrDefault(c.Key, c.Key), c.Count))
            .OrderByDescending(c => c.Count).ToList();

        return new DashboardData(from, to, totals, previousTotals, byChannel,
            await ByCategoryAsync(days, previousDays, cancellationToken), await ByDistrictAsync(days, cancellationToken),
            byHour, [.. byDay.OrderBy(d => d.Key).Select(d => new DayCount(d.Key, d.Value))],
            await EmergingTermsAsync(start, end, cancellationToken));
    }


    private IQueryable<HourlyRollup> Range(DateTimeOffset start, DateTimeOffset end) =>
        db.Set<HourlyRollup>().AsNoTracking().Where(r => r.HourStart >= start && r.HourStart < end);

    private async Task<List<CategoryTrend>> ByCategoryAsync(IQueryable<DailyRollup> current, IQueryable<DailyRollup> previous,
        CancellationToken cancellationToken)
    {
        var names = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => $"{c.Major} · {c.Minor}", cancellationToken);
        var now = await current.GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Sum(r => (long)r.Contacts) }).ToListAsync(cancellationToken);
        var before = await previous.GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Sum(r => (long)r.Contacts) }).ToListAsync(cancellationToken);
        string Name(int id) => names.GetValueOrDefault(id, Warehouse.Unknown);
        var counts = now.GroupBy(c => Name(c.Key)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var previousCounts = before.GroupBy(c => Name(c.Key)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return [.. counts.Keys.Union(previousCounts.Keys)
            .Select(n => new CategoryTrend(n, counts.GetValueOrDefault(n), previousCounts.GetValueOrDefault(n)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    private async Task<List<NamedCount>> ByDistrictAsync(IQueryable<DailyRollup> current, CancellationToken cancellationToken)
    {
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var counts = await current.GroupBy(r => r.DistrictCode).Select(g => new { g.Key, Count = g.Sum(r => (long)r.Contacts) })
            .ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
        var result = districts.Select(d => new NamedCount(d.Code, d.NameKo, counts.GetValueOrDefault(d.Code))).ToList();
        var known = districts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = counts.Where(c => !known.Contains(c.Key)).Sum(c => c.Value);
        if (unknown > 0)
        {
            result.Add(new NamedCount("", Warehouse.Unknown, unknown));
        }

        return result;
    }

    private async Task<List<EmergingTerm>> EmergingTermsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        return await db.Set<DetectedIssue>().AsNoTracking()
            .Where(i => i.DetectedAt >= start && i.DetectedAt < end && i.Status != IssueStatus.Dismissed)
            .OrderByDescending(i => i.Count).Take(10)
            .Select(i => new EmergingTerm(i.Terms, i.District, i.Category, i.Count, i.DetectedAt))
            .ToListAsync(cancellationToken);
    }
}
