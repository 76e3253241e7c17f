using System.Net;
using System.Net.Http.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Cases;

namespace Minwon.Server.Tests.Analytics;

public sealed class WarehouseTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(9));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"groupBy":["district; DROP TABLE cases"],"measure":"count"}""")]
    [InlineData("""{"groupBy":["month"],"measure":"count"}""")]
    [InlineData("""{"groupBy":["day","hour","channel"],"measure":"count"}""")]
    [InlineData("""{"groupBy":["day"],"measure":"sum(handle_seconds)"}""")]
    public async Task The_ad_hoc_query_rejects_unknown_dimensions_and_measures(string body)
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.Supervisor();
        using var response = await client.PostAsync("/api/analytics/query", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_ad_hoc_query_groups_warehouse_cases_by_two_dimensions()
    {
        await using var app = new AnalyticsAppFactory();
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        await app.AddContactAsync(Monday.AddMinutes(1), "phone", null, "11110", CaseDisposition.Answered);
        await app.AddContactAsync(Monday.AddMinutes(2), "chat", null, "99999", CaseDisposition.CallbackNeeded);
        using var client = app.Supervisor();
        await client.PostAsync("/api/analytics/sync", null, Ct);

        var result = await client.PostAsJsonAsync("/api/analytics/query",
            new { from = "2026-03-02", to = "2026-03-02", groupBy = new[] { "channel", "district" }, measure = "count" }, Ct);
        var rows = (await result.Content.ReadFromJsonAsync<AdHocResult>(Ct))!.Rows;

        Assert.Contains(rows, r => r.First == "phone" && r.Second == "종로구" && r.Value == 2);
        Assert.Contains(rows, r => r.First == "chat" && r.Second == "미상" && r.Value == 1);
    }

    [Fact]
    public async Task Export_returns_a_csv_with_a_header_and_a_parquet_file_duckdb_reads_back()
    {
        await using var app = new AnalyticsAppFactory();
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        await app.AddContactAsync(Monday.AddHours(1), "chat", null, "11140", CaseDisposition.SelfService, answerAfterSeconds: null);
        await app.AddContactAsync(Monday.AddDays(5), "chat", null, "11140", CaseDisposition.Answered);
        using var client = app.Supervisor();

        using var csv = await client.GetAsync("/api/analytics/export?format=csv&from=2026-03-02&to=2026-03-03", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("case_id,created_at,created_local,created_day,created_hour,channel,", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("종로구", StringComparison.Ordinal));

        using var parquet = await client.GetAsync("/api/analytics/export?format=parquet&from=2026-03-01&to=2026-03-31", Ct);
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        var path = Path.Combine(app.Dir, "back.parquet");
        await File.WriteAllBytesAsync(path, await parquet.Content.ReadAsByteArrayAsync(Ct), Ct);
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync(Ct);
        await using var command = duck.CreateCommand();
        command.CommandText = $"SELECT count(*), count(DISTINCT district_name) FROM read_parquet('{path}')";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(3L, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2L, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Export_needs_a_supervisor_and_a_known_format()
    {
        await using var app = new AnalyticsAppFactory();
        using var anonymous = app.CreateClient();
        using var denied = await anonymous.GetAsync("/api/analytics/export?format=csv", Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        using var client = app.Supervisor();
        using var bad = await client.GetAsync("/api/analytics/export?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_query_runs_while_another_connection_holds_the_warehouse_open()
    {
        await using var app = new AnalyticsAppFactory();
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        await app.WithScopeAsync(sp => sp.GetRequiredService<SyncWarehouse>().RunAsync(Ct));
        await using var held = await app.Services.GetRequiredService<Warehouse>().OpenAsync(Ct);

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AdHocQuery>()
            .RunAsync(new AdHocRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3), ["weekday"], "avg_handle"), Ct));

        Assert.Equal("1 월", Assert.Single(result.Rows).First);
        Assert.Equal(200, result.Rows[0].Value);
    }

    [Fact]
    public async Task Syncing_again_or_from_the_start_never_duplicates_rows()
    {
        await using var app = new AnalyticsAppFactory();
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        await app.AddContactAsync(Monday, "phone", null, "11110", CaseDisposition.Answered);
        Assert.Equal(2, await app.WithScopeAsync(sp => sp.GetRequiredService<SyncWarehouse>().RunAsync(Ct)));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<SyncWarehouse>().RunAsync(Ct)));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<SyncWarehouse>().RunAsync(Ct, DateTimeOffset.UnixEpoch)));
        await app.AddContactAsync(Monday.AddDays(-3), "phone", null, "11110", CaseDisposition.Answered);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<SyncWarehouse>().RunAsync(Ct, Monday.AddDays(-4))));
    }
}
