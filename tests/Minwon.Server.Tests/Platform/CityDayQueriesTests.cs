using System.Net;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Reports that count "today" or a city day pass the day's start (+09:00) to the database. Npgsql takes only offset 0
/// for timestamptz, so these answered 500 on PostgreSQL (voice figures, quality reports; the wallboard first);
/// PostgresMinwonDbContext now makes every DateTimeOffset UTC on the way in. Fails on PostgreSQL without it.
/// </summary>
public sealed class CityDayQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Reports_by_city_day_answer_on_every_provider(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        var supervisor = await app.StaffAsync("supervisor");
        foreach (var path in new[] { "/api/voice/stats", "/api/quality/summary", "/api/quality/calibration", "/api/wallboard",
            "/api/analytics/dashboard" })
        {
            using var response = await supervisor.Http.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
