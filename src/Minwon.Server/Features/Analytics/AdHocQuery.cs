using System.Globalization;
using DuckDB.NET.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>An ad-hoc question to the warehouse: a Seoul date range, up to two dimensions and one measure.</summary>
public sealed record AdHocRequest(DateOnly From, DateOnly To, IReadOnlyList<string> GroupBy, string Measure);

public sealed record AdHocRow(string First, string? Second, double Value);

public sealed record AdHocResult(IReadOnlyList<string> GroupBy, string Measure, IReadOnlyList<AdHocRow> Rows);

/// <summary>
/// Builds the warehouse SQL only from the whitelisted fragments below, keyed by name; user text never reaches the
/// SQL, and dates travel as parameters.
/// </summary>
public sealed class AdHocQuery(Warehouse warehouse)
{
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyDictionary<string, (string Label, string Sql)> Dimensions = new Dictionary<string, (string, string)>
    {
        ["day"] = ("일자", "strftime(created_day, '%Y-%m-%d')"),
        ["hour"] = ("시간대", "lpad(CAST(created_hour AS VARCHAR), 2, '0')"),
        ["weekday"] = ("요일", "CAST(isodow(created_day) AS VARCHAR) || ' ' || ['월','화','수','목','금','토','일'][isodow(created_day)]"),
        ["channel"] = ("채널", "channel"),
        ["category"] = ("분류", "category_major || ' / ' || category_minor"),
        ["district"] = ("자치구", "district_name"),
    };

    /// <summary>How a result value reads on screen: channel codes by their Korean names (the API and exports keep the codes).</summary>
    public static string? Display(string dimension, string? value) =>
        dimension == "channel" && value is not null ? DashboardQueries.ChannelNames.GetValueOrDefault(value, value) : value;

    public static readonly IReadOnlyDictionary<string, (string Label, string Sql)> Measures = new Dictionary<string, (string, string)>
    {
        ["count"] = ("건수", "CAST(count(*) AS DOUBLE)"),
        ["avg_handle"] = ("평균 처리시간(초)", "coalesce(avg(handle_seconds), 0)"),
        ["fcr_rate"] = ("1차 해결률", "coalesce(avg(CASE WHEN fcr THEN 1.0 ELSE 0.0 END), 0)"),
    };

    /// <summary>Throws a 400 problem for an unknown dimension or measure, too many dimensions or a reversed range.</summary>
    public static void Validate(AdHocRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.GroupBy is not { Count: >= 1 and <= 2 })
        {
            errors["groupBy"] = ["Choose one or two of: " + string.Join(", ", Dimensions.Keys)];
        }
        else if (request.GroupBy.FirstOrDefault(d => !Dimensions.ContainsKey(d ?? "")) is { } unknown)
        {
            errors["groupBy"] = [$"Unknown dimension '{unknown}'; use one of: {string.Join(", ", Dimensions.Keys)}"];
        }
        else if (request.GroupBy.Count == 2 && request.GroupBy[0] == request.GroupBy[1])
        {
            errors["groupBy"] = ["Choose two different dimensions"];
        }

        if (!Measures.ContainsKey(request.Measure ?? ""))
        {
            errors["measure"] = [$"Unknown measure; use one of: {string.Join(", ", Measures.Keys)}"];
        }

        if (request.To < request.From)
        {
            errors["to"] = ["The end date is before the start date"];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));
        }
    }

    public static string BuildSql(AdHocRequest request)
    {
        Validate(request);
        var first = Dimensions[request.GroupBy[0]].Sql;
        var second = request.GroupBy.Count > 1 ? Dimensions[request.GroupBy[1]].Sql : "NULL";
        return $"""
            SELECT {first} AS d1, {second} AS d2, {Measures[request.Measure].Sql} AS value
            FROM cases WHERE created_local >= $from AND created_local < $to
            GROUP BY 1, 2 ORDER BY 1, 2 LIMIT {MaxRows}
            """;
    }

    public async Task<AdHocResult> RunAsync(AdHocRequest request, CancellationToken cancellationToken)
    {
        var sql = BuildSql(request);
        await using var duck = await warehouse.OpenAsync(cancellationToken);
        await using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("from", request.From.ToDateTime(TimeOnly.MinValue)));
        command.Parameters.Add(new DuckDBParameter("to", request.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var rows = new List<AdHocRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AdHocRow(Text(reader.GetValue(0)), reader.IsDBNull(1) ? null : Text(reader.GetValue(1)),
                Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return new AdHocResult(request.GroupBy, request.Measure, rows);
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
