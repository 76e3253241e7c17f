using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>Supervisor API: the dashboard figures, ad-hoc warehouse queries, export and a forced sync.</summary>
public static class AnalyticsEndpoints
{
    public sealed record QueryBody(DateOnly? From, DateOnly? To, string[]? GroupBy, string? Measure);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (DateOnly? from, DateOnly? to, DashboardQueries queries, CityClock clock, CancellationToken ct) =>
        {
            var (start, end) = Range(from, to, clock);
            return TypedResults.Ok(await queries.LoadAsync(start, end, ct));
        }).WithSummary("Dashboard figures for a Seoul date range (default: the last 7 days), from rollups");

        api.MapPost("/query", async (QueryBody body, AdHocQuery query, CityClock clock, CancellationToken ct) =>
        {
            var (start, end) = Range(body.From, body.To, clock);
            return TypedResults.Ok(await query.RunAsync(new AdHocRequest(start, end, body.GroupBy ?? [], body.Measure ?? "count"), ct));
        }).WithSummary("Ad-hoc warehouse query: groupBy one or two of day, hour, weekday, channel, category, district; measure count, avg_handle or fcr_rate");

        api.MapGet("/export", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string? format, DateOnly? from, DateOnly? to,
            ExportCases export, SyncWarehouse sync, CityClock clock, CancellationToken ct) =>
        {
            format = (format ?? "csv").ToLowerInvariant();
            if (!ExportCases.Formats.Contains(format))
            {
                return TypedResults.Problem(statusCode: 400, title: "요청이 올바르지 않습니다.", detail: "format must be csv or parquet");
            }

            var (start, end) = Range(from, to, clock);

            // Brings the warehouse up to date first (a no-op when the worker has just run), so an export is current.
            await sync.RunAsync(ct);
            var path = Path.Combine(Path.GetTempPath(), $"minwon-export-{Guid.NewGuid():N}.{format}");
            await export.ExportAsync(format, start, end, path, ct);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
            var contentType = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet";
            return TypedResults.File(stream, contentType, $"minwon-cases-{start:yyyyMMdd}-{end:yyyyMMdd}.{format}");
        }).WithSummary("Cases of a Seoul date range from the warehouse as a CSV or Parquet attachment");

        api.MapPost("/sync", async (SyncWarehouse sync, CancellationToken ct) =>
            TypedResults.Ok(new { added = await sync.RunAsync(ct) })).WithSummary("Copy new cases into the warehouse now");
    }

    /// <summary>Default: the last 7 days of the city's calendar including today. Ranges are capped at about ten years.</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, CityClock clock)
    {
        var today = clock.Today;
        var end = to ?? today;
        var start = from ?? end.AddDays(-6);
        if (end < start)
        {
            throw ProblemException.Invalid("The end date is before the start date");
        }

        if (end.DayNumber - start.DayNumber > 3700)
        {
            throw ProblemException.Invalid("The range is longer than ten years");
        }

        return (start, end);
    }
}
