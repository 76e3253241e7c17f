using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;

namespace Minwon.Server.Tests.Analytics;

public sealed class RollupTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(9));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rollups_match_a_direct_count_after_events()
    {
        await using var app = new AnalyticsAppFactory();
        var (category, district) = await FirstReferenceAsync(app);
        await app.AddContactAsync(Monday, "phone", category, district, CaseDisposition.Answered, answerAfterSeconds: 5, handleSeconds: 100);
        await app.AddContactAsync(Monday.AddMinutes(5), "phone", category, district, CaseDisposition.ForwardedToDistrict, answerAfterSeconds: 90, handleSeconds: 300);
        await app.AddContactAsync(Monday.AddHours(2), "chat", category, null, CaseDisposition.SelfService, answerAfterSeconds: null);
        await app.AddContactAsync(Monday.AddHours(2), "chat", null, null, null, answerAfterSeconds: null, outcome: "ConversationAbandoned");
        await app.AddContactAsync(Monday.AddHours(3), "chat", null, null, null, answerAfterSeconds: null, outcome: "ConversationBotResolved");
        await app.AddContactAsync(Monday.AddDays(1), "sms", category, district, CaseDisposition.CallbackNeeded, answerAfterSeconds: 15, handleSeconds: 50);

        await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinwonDbContext>();
            var rollups = await db.Set<HourlyRollup>().ToListAsync(Ct);
            var cases = await db.Set<Case>().CountAsync(Ct);
            var conversations = await db.Set<Conversation>().CountAsync(Ct);
            var answered = await db.Set<Case>().Join(db.Set<Conversation>(), c => c.ConversationId, v => v.Id, (c, v) => v)
                .CountAsync(v => v.AnsweredAt != null, Ct);
            Assert.Equal(conversations, rollups.Sum(r => r.Contacts));
            Assert.Equal(cases, rollups.Sum(r => r.Cases));
            Assert.Equal(answered, rollups.Sum(r => r.Answered));
            Assert.Equal(100 + 300 + 50, rollups.Sum(r => r.HandleSeconds));
            Assert.Equal(2, rollups.Sum(r => r.FirstContactResolved));
            Assert.Equal(2, rollups.Sum(r => r.BotResolved));
            Assert.Equal(1, rollups.Sum(r => r.Abandoned));
            Assert.Equal(2, rollups.Sum(r => r.AnsweredInServiceLevel));
            Assert.Equal(2, rollups.Where(r => r.Channel == "phone").Sum(r => r.Contacts));
            Assert.All(rollups, r => Assert.Equal(0, r.HourStart.Minute));
            var daily = await db.Set<DailyRollup>().ToListAsync(Ct);
            Assert.Equal(rollups.Sum(r => r.Contacts), daily.Sum(r => r.Contacts));
            Assert.Equal(rollups.Sum(r => r.HandleSeconds), daily.Sum(r => r.HandleSeconds));
            Assert.Equal(2, daily.Select(r => r.Day).Distinct().Count());
            return 0;
        });
    }

    [Fact]
    public async Task The_cursor_survives_a_restart_without_double_counting()
    {
        var dir = Directory.CreateTempSubdirectory("minwon-analytics-").FullName;
        try
        {
            await using (var first = new AnalyticsAppFactory(dir))
            {
                await first.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
                await first.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
                await first.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));
            }

            await using var second = new AnalyticsAppFactory(dir);
            var again = await second.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));
            Assert.Equal(0, again);
            await second.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
            await second.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));
            var contacts = await second.WithScopeAsync(sp => sp.GetRequiredService<MinwonDbContext>().Set<HourlyRollup>().SumAsync(r => r.Contacts, Ct));
            Assert.Equal(3, contacts);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Unknown_district_and_category_codes_are_grouped_as_unknown_not_dropped()
    {
        await using var app = new AnalyticsAppFactory();
        var (category, district) = await FirstReferenceAsync(app);
        await app.AddContactAsync(Monday, "phone", category, district, CaseDisposition.Answered);
        await app.AddContactAsync(Monday, "phone", 9999, "99999", CaseDisposition.Answered);
        await app.AddContactAsync(Monday, "chat", null, null, CaseDisposition.Answered);
        await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));

        var day = DateOnly.FromDateTime(Monday.DateTime);
        var data = await app.WithScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().LoadAsync(day, day, Ct));

        Assert.Equal(3, data.Current.Contacts);
        Assert.Equal(2, data.ByDistrict.Single(d => d.Name == "미상").Count);
        Assert.Equal(2, data.ByCategory.Single(c => c.Name == "미상").Count);
        Assert.Equal(3, data.ByDistrict.Sum(d => d.Count));
        Assert.Equal(25, data.ByDistrict.Count(d => d.Key.Length == 5));
    }

    [Fact]
    public async Task A_day_with_no_traffic_shows_zeros()
    {
        await using var app = new AnalyticsAppFactory();
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        await app.AddContactAsync(Monday.AddDays(2), "phone", null, "11110", CaseDisposition.Answered);
        await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));

        var day = DateOnly.FromDateTime(Monday.DateTime);
        var data = await app.WithScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().LoadAsync(day, day.AddDays(2), Ct));
        Assert.Equal([1L, 0L, 1L], data.ByDay.Select(d => d.Count));
        Assert.Equal(24, data.ByHourOfDay.Count);
        Assert.Equal(2, data.ByHourOfDay[10]);

        var empty = await app.WithScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().LoadAsync(day.AddDays(1), day.AddDays(1), Ct));
        Assert.Equal(0, empty.Current.Contacts);
        Assert.Equal(0, empty.Current.AverageHandleSeconds);
        Assert.Equal(0, empty.Current.ServiceLevel);
        Assert.All(empty.ByDistrict, d => Assert.Equal(0, d.Count));
        Assert.Single(empty.ByDay);
        Assert.Equal(1, empty.Previous.Contacts);
    }

    private static Task<(int Category, string District)> FirstReferenceAsync(AnalyticsAppFactory app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<MinwonDbContext>();
        return (await db.Set<Category>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct),
            await db.Set<District>().OrderBy(d => d.Code).Select(d => d.Code).FirstAsync(Ct));
    });
}
