using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Data;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Reference;

namespace Minwon.Server.Tests.Analytics;

public sealed class LoadDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_demo_days_create_cases_in_every_district_with_rollups_and_warehouse_up_to_date()
    {
        // Thursday noon in Seoul: the two demo days are a Tuesday and a Wednesday, whatever day the suite runs on
        // (weekend days carry fewer contacts, which the case range below does not allow for).
        await using var app = new AnalyticsAppFactory(now: new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9)));
        var result = await app.Services.GetRequiredService<LoadDemoData>().RunAsync(new LoadDemoRequest(2, 1500, 7), Ct);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinwonDbContext>();
            var districts = await db.Set<District>().Select(d => d.Code).ToListAsync(Ct);
            var used = await db.Set<Case>().Where(c => c.DistrictCode != null).Select(c => c.DistrictCode!).Distinct().ToListAsync(Ct);
            Assert.Equal(25, districts.Count);
            Assert.Empty(districts.Except(used));
            var cases = await db.Set<Case>().CountAsync(Ct);
            Assert.Equal(result.Cases, cases);
            Assert.InRange(cases, 2000, 4500);
            Assert.True(await db.Set<Case>().CountAsync(c => c.CategoryId != null, Ct) > cases * 0.95);
            Assert.InRange(await db.Set<Case>().CountAsync(c => c.Disposition == CaseDisposition.Abandoned, Ct), 1, cases / 5);
            Assert.Equal(cases, await db.Set<HourlyRollup>().SumAsync(r => r.Cases, Ct));
            return 0;
        });
        Assert.Equal(result.Cases, result.WarehouseRows);
        var data = await app.WithScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().LoadAsync(result.From, result.To, Ct));
        Assert.Equal(result.Cases, data.Current.Cases);
        Assert.All(data.ByDay, d => Assert.True(d.Count > 0));
        Assert.InRange(data.Current.AverageHandleSeconds, 60, 900);

        var html = await ChartRenderingTests.RenderAsync<Minwon.Server.Features.Analytics.Dashboard.AnalyticsDashboard>(app, []);
        Assert.Contains("#08519c", html);
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain(">0<", html.Split("id=\"kpi-contacts\"")[1][..3]);
    }
}
