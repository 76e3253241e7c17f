using Microsoft.EntityFrameworkCore;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Quality;

/// <summary>Averages by team or counsellor over a period and by week (for /analytics), and calibration agreement.</summary>
public sealed class QualityReports(MinwonDbContext db, CityClock city)
{
    public const int MaxDays = 400;

    public async Task<QualitySummary> SummaryAsync(DateOnly from, DateOnly to, string? groupBy, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            throw ProblemException.Invalid($"기간은 {MaxDays}일 이내여야 합니다.");
        }

        var byCounsellor = string.Equals(groupBy, "counsellor", StringComparison.OrdinalIgnoreCase);
        var groups = await GroupAsync(Start(from), Start(to.AddDays(1)), byCounsellor, cancellationToken);
        var weeks = new List<QualityPeriodRow>();
        for (var week = from; week <= to; week = week.AddDays(7))
        {
            var end = week.AddDays(6) < to ? week.AddDays(6) : to;
            weeks.Add(new QualityPeriodRow(week, end, await GroupAsync(Start(week), Start(end.AddDays(1)), byCounsellor, cancellationToken)));
        }

        return new QualitySummary(from, to, byCounsellor ? "counsellor" : "team", groups, weeks);
    }

    /// <summary>One counsellor's averages per week, oldest first, for the weeks that have scores.</summary>
    public async Task<List<QualityPeriodRow>> TrendAsync(string counsellorId, int weeks, CancellationToken cancellationToken)
    {
        var thisWeek = WeekOf(city.UtcNow);
        var rows = new List<QualityPeriodRow>();
        for (var week = thisWeek.AddDays(-7 * (Math.Clamp(weeks, 1, 104) - 1)); week <= thisWeek; week = week.AddDays(7))
        {
            var groups = await GroupAsync(Start(week), Start(week.AddDays(7)), byCounsellor: true, cancellationToken, counsellorId);
            if (groups.Count > 0)
            {
                rows.Add(new QualityPeriodRow(week, week.AddDays(6), groups));
            }
        }

        return rows;
    }

    public async Task<CalibrationReport> CalibrationAsync(int weeks, CancellationToken cancellationToken)
    {
        var since = city.UtcNow - TimeSpan.FromDays(7 * Math.Clamp(weeks, 1, 104));
        var reviews = await db.Set<QualityReview>().AsNoTracking().Where(r => r.ReviewedAt >= since).ToListAsync(cancellationToken);
        var byWeek = reviews.GroupBy(r => WeekOf(r.ReviewedAt)).OrderBy(g => g.Key)
            .Select(g => new CalibrationWeek(g.Key, g.Count(), Agreement(g.ToList()))).ToList();
        return new CalibrationReport(reviews.Count, Agreement(reviews), byWeek);
    }

    public static IReadOnlyList<AreaAgreement> Agreement(IReadOnlyList<QualityReview> reviews) =>
        [.. QualityAreas.All.Select(area =>
        {
            var pairs = reviews.Select(r => Pair(r, area)).ToList();
            return pairs.Count == 0
                ? new AreaAgreement(area.WireName(), 0, 0, 0)
                : new AreaAgreement(area.WireName(), pairs.Count, Math.Round(pairs.Average(p => Math.Abs(p.Hand - p.Auto)), 1),
                    Math.Round(pairs.Count(p => p.Hand < 100 == p.Auto < 100) / (double)pairs.Count, 3));
        })];

    private static (int Hand, int Auto) Pair(QualityReview r, QualityArea area) => area switch
    {
        QualityArea.Greeting => (r.Greeting, r.AutoGreeting),
        QualityArea.Attitude => (r.Attitude, r.AutoAttitude),
        QualityArea.Handling => (r.Handling, r.AutoHandling),
        QualityArea.Reachability => (r.Reachability, r.AutoReachability),
        _ => (r.Closing, r.AutoClosing),
    };

    /// <summary>The Monday (in the city's time zone) of the week a moment falls in.</summary>
    public DateOnly WeekOf(DateTimeOffset at)
    {
        var day = city.DayOf(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private DateTimeOffset Start(DateOnly day) => city.StartOf(day);

    private async Task<List<QualityGroupRow>> GroupAsync(DateTimeOffset start, DateTimeOffset end, bool byCounsellor, CancellationToken cancellationToken,
        string? counsellorId = null)
    {
        var scores = db.Set<QualityScore>().AsNoTracking().Where(s => s.ClosedAt >= start && s.ClosedAt < end);
        if (counsellorId is not null)
        {
            scores = scores.Where(s => s.CounsellorId == counsellorId);
        }

        var rows = byCounsellor
            ? await scores.GroupBy(s => new { Key = s.CounsellorId, Name = s.CounsellorName }).Select(g => new QualityGroupRow(g.Key.Key, g.Key.Name,
                g.Count(), g.Average(s => (double)s.Greeting), g.Average(s => (double)s.Attitude), g.Average(s => (double)s.Handling),
                g.Average(s => (double)s.Reachability), g.Average(s => (double)s.Closing), g.Average(s => s.Total))).ToListAsync(cancellationToken)
            : await scores.GroupBy(s => s.Team).Select(g => new QualityGroupRow(g.Key, g.Key,
                g.Count(), g.Average(s => (double)s.Greeting), g.Average(s => (double)s.Attitude), g.Average(s => (double)s.Handling),
                g.Average(s => (double)s.Reachability), g.Average(s => (double)s.Closing), g.Average(s => s.Total))).ToListAsync(cancellationToken);
        return [.. rows.Select(Round).OrderBy(r => r.Total)];
    }

    private static QualityGroupRow Round(QualityGroupRow r) => r with
    {
        Greeting = Math.Round(r.Greeting, 1),
        Attitude = Math.Round(r.Attitude, 1),
        Handling = Math.Round(r.Handling, 1),
        Reachability = Math.Round(r.Reachability, 1),
        Closing = Math.Round(r.Closing, 1),
        Total = Math.Round(r.Total, 1),
    };
}
