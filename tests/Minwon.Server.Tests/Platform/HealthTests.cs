using System.Net;
using System.Net.Http.Json;

namespace Minwon.Server.Tests.Platform;

public sealed class HealthTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Reports_live_and_ready_once_the_database_is_migrated()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Seeds_the_25_districts_of_Seoul()
    {
        using var client = factory.CreateClient();
        var districts = await client.GetFromJsonAsync<List<DistrictDto>>("/api/reference/districts", TestContext.Current.CancellationToken);
        Assert.NotNull(districts);
        Assert.Equal(25, districts.Count);
        Assert.Contains(districts, d => d.NameKo == "마포구");
    }

    [Fact]
    public async Task Ready_turns_unhealthy_when_the_PostgreSQL_database_goes_away_while_live_stays_up()
    {
        await using var app = await Testing.MinwonApp.StartAsync(Testing.Db.Postgres);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        await Testing.TestPostgres.DropDatabaseAsync(app.Postgres!);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    private sealed record DistrictDto(string Code, string NameKo);
}
