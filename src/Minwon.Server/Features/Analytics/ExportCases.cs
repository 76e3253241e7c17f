using System.Globalization;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Writes the warehouse's cases in a Seoul date range to a CSV or Parquet file with DuckDB's COPY. COPY takes no
/// parameters, so the dates are formatted here from parsed <see cref="DateOnly"/> values and the path is ours.
/// </summary>
public sealed class ExportCases(Warehouse warehouse)
{
    public static readonly string[] Formats = ["csv", "parquet"];

    public async Task ExportAsync(string format, DateOnly from, DateOnly to, string path, CancellationToken cancellationToken)
    {
        if (!Formats.Contains(format))
        {
            throw Platform.ProblemException.Invalid("format must be csv or parquet");
        }

        if (to < from)
        {
            throw Platform.ProblemException.Invalid("The end date is before the start date");
        }

        var start = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = format == "csv" ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
        var target = Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal);
        await using var duck = await warehouse.OpenAsync(cancellationToken);
        await Warehouse.ExecuteAsync(duck, $"""
            COPY (SELECT case_id, created_at, created_local, created_day, created_hour, channel, category_id, category_major, category_minor,
                         district_code, district_name, disposition, answered, wait_seconds, handle_seconds, fcr
                  FROM cases WHERE created_local >= DATE '{start}' AND created_local < DATE '{end}'
                  ORDER BY created_at, case_id)
            TO '{target}' ({options})
            """, cancellationToken);
    }
}
