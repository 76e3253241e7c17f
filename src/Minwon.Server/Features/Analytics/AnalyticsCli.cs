using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>`minwon analytics sync|export|load-demo|rollup`. DuckDB allows one process per warehouse file: stop the server first.</summary>
public static class AnalyticsCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var analytics = new Command("analytics", "Complaint analytics: warehouse sync and export, rollups, demo data.");
        analytics.Subcommands.Add(CreateSync());
        analytics.Subcommands.Add(CreateRollup());
        analytics.Subcommands.Add(CreateExport());
        analytics.Subcommands.Add(CreateLoadDemo());
        analytics.Subcommands.Add(CreateDashboard());
        return analytics;
    }

    private static Command CreateSync()
    {
        var full = new Option<bool>("--full") { Description = "Read every case again (rows already there are skipped)" };
        var sync = new Command("sync", "Copy new cases into the DuckDB warehouse now. Prints {\"added\":N}.") { full };
        sync.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<SyncWarehouse>()
                .RunAsync(ct, parse.GetValue(full) ? DateTimeOffset.UnixEpoch : null);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { added }, Json));
            return 0;
        });
        return sync;
    }

    private static Command CreateRollup()
    {
        var rollup = new Command("rollup", "Read the event log up to its end into the hourly rollups. Prints {\"events\":N}.");
        rollup.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var events = await scope.ServiceProvider.GetRequiredService<UpdateRollups>().CatchUpAsync(ct);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { events }, Json));
            return 0;
        });
        return rollup;
    }

    private static Command CreateExport()
    {
        var format = new Option<string>("--format") { Description = "csv or parquet", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong(ExportCases.Formats);
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var from = new Option<string?>("--from") { Description = "First Seoul day, yyyy-MM-dd (default: everything)" };
        var to = new Option<string?>("--to") { Description = "Last Seoul day, yyyy-MM-dd (default: today)" };
        var export = new Command("export", "Sync, then export the warehouse's cases to CSV or Parquet. Prints {\"file\",\"format\",\"from\",\"to\"}.")
        {
            format, output, from, to,
        };
        export.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(from), out var start) || !TryDate(parse.GetValue(to), out var end))
            {
                await Console.Error.WriteLineAsync("--from/--to: use yyyy-MM-dd");
                return 2;
            }

            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var last = end ?? scope.ServiceProvider.GetRequiredService<CityClock>().Today;
            var first = start ?? new DateOnly(2000, 1, 1);
            await scope.ServiceProvider.GetRequiredService<SyncWarehouse>().RunAsync(ct);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                await scope.ServiceProvider.GetRequiredService<ExportCases>().ExportAsync(parse.GetValue(format)!, first, last, path, ct);
            }
            catch (ProblemException e)
            {
                await Console.Error.WriteLineAsync(e.Detail ?? e.Title);
                return 2;
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { file = path, format = parse.GetValue(format), from = first, to = last }, Json));
            return 0;
        });
        return export;
    }

    private static Command CreateLoadDemo()
    {
        var days = new Option<int>("--days") { Description = "Days of traffic, ending yesterday (Seoul)", DefaultValueFactory = _ => 28 };
        var perDay = new Option<int>("--per-day") { Description = "Average contacts per day (Seoul 120: about 20,000)", DefaultValueFactory = _ => 5_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var load = new Command("load-demo", "Insert generated weeks of closed contacts and cases, then update rollups and the warehouse. Prints one JSON summary.")
        {
            days, perDay, seed,
        };
        load.SetAction(async (parse, ct) =>
        {
            var request = new LoadDemoRequest(Math.Clamp(parse.GetValue(days), 1, 3660), Math.Clamp(parse.GetValue(perDay), 1, 200_000), parse.GetValue(seed));
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            var result = await app.Services.GetRequiredService<LoadDemoData>().RunAsync(request, ct);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            return 0;
        });
        return load;
    }

    private static Command CreateDashboard()
    {
        var from = new Option<string?>("--from") { Description = "First Seoul day, yyyy-MM-dd (default: 6 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last Seoul day, yyyy-MM-dd (default: today)" };
        var dashboard = new Command("dashboard", "Print the dashboard figures of a date range (from rollups) as one JSON object.") { from, to };
        dashboard.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(from), out var start) || !TryDate(parse.GetValue(to), out var end))
            {
                await Console.Error.WriteLineAsync("--from/--to: use yyyy-MM-dd");
                return 2;
            }

            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var (first, last) = AnalyticsEndpoints.Range(start, end, scope.ServiceProvider.GetRequiredService<CityClock>());
                var queries = scope.ServiceProvider.GetRequiredService<DashboardQueries>();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var data = await queries.LoadAsync(first, last, ct);
                var cold = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await queries.LoadAsync(first, last, ct);
                await Console.Error.WriteLineAsync($"dashboard from rollups: {cold:0} ms first, {watch.Elapsed.TotalMilliseconds:0} ms again");
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(data, Json));
                return 0;
            }
            catch (ProblemException e)
            {
                await Console.Error.WriteLineAsync(e.Detail ?? e.Title);
                return 2;
            }
        });
        return dashboard;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
