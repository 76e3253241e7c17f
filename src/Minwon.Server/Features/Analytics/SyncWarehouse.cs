using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Copies new cases into the warehouse by cursor (created time). Rows at or after the cursor are read again and
/// skipped when their case id is already there, so equal timestamps, a crash between copy and cursor, or a rewind
/// (load-demo inserts cases in the past) never duplicate a row.
/// </summary>
public sealed partial class SyncWarehouse(MinwonDbContext db, Warehouse warehouse, CityClock clock, ILogger<SyncWarehouse> logger)
{
    private const int BatchSize = 20_000;

    /// <summary>Copies every case created at or after the cursor (or <paramref name="since"/>, if earlier); returns rows added.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken, DateTimeOffset? since = null)
    {
        await warehouse.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var duck = await warehouse.OpenAsync(cancellationToken);
            var cursor = await ReadCursorAsync(duck, cancellationToken);
            if (since is { } rewind && rewind < cursor)
            {
                cursor = rewind.ToUniversalTime();
            }

            var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
            var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.NameKo, cancellationToken);
            long added = 0;
            while (true)
            {
                var batchStart = cursor;
                var rows = await (from c in db.Set<Case>().AsNoTracking()
                                  where c.CreatedAt >= batchStart
                                  join v in db.Set<Conversation>() on c.ConversationId equals v.Id into joined
                                  from v in joined.DefaultIfEmpty()
                                  orderby c.CreatedAt
                                  select new SourceRow(c.Id, c.CreatedAt, c.Channel, c.CategoryId, c.DistrictCode, c.Disposition,
                                      v == null ? null : v.FirstEnqueuedAt ?? v.CreatedAt, v == null ? null : v.AnsweredAt,
                                      v == null ? null : v.EndedAt))
                    .Take(BatchSize).ToListAsync(cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                // A full batch that never leaves one timestamp would loop forever; take that timestamp whole.
                if (rows.Count == BatchSize && rows[^1].CreatedAt == batchStart)
                {
                    rows = await db.Set<Case>().AsNoTracking().Where(c => c.CreatedAt == batchStart)
                        .Select(c => new SourceRow(c.Id, c.CreatedAt, c.Channel, c.CategoryId, c.DistrictCode, c.Disposition, null, null, null))
                        .ToListAsync(cancellationToken);
                }

                added += await AppendAsync(duck, rows, categories, districts, batchStart, cancellationToken);
                cursor = rows[^1].CreatedAt;
                await WriteCursorAsync(duck, cursor, cancellationToken);
                if (rows.Count < BatchSize)
                {
                    break;
                }
            }

            Log.Synced(logger, added);
            return added;
        }
        finally
        {
            warehouse.WriteLock.Release();
        }
    }

    private async Task<long> AppendAsync(DuckDBConnection duck, List<SourceRow> rows, Dictionary<int, Category> categories,
        Dictionary<string, string> districts, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await Warehouse.ExecuteAsync(duck, "DELETE FROM cases_staging", cancellationToken);
        using (var appender = duck.CreateAppender("cases_staging"))
        {
            foreach (var r in rows)
            {
                var category = r.CategoryId is { } id ? categories.GetValueOrDefault(id) : null;
                var district = r.DistrictCode is { } code ? districts.GetValueOrDefault(code) : null;
                var utc = r.CreatedAt.UtcDateTime;
                double? wait = r.AnsweredAt is { } a && r.Arrived is { } q ? (a - q).TotalSeconds : null;
                double? handle = r.AnsweredAt is { } a2 && r.EndedAt is { } e && e > a2 ? (e - a2).TotalSeconds : null;
                appender.CreateRow()
                    .AppendValue(r.Id.ToString())
                    .AppendValue(utc)
                    .AppendValue(clock.Local(r.CreatedAt).DateTime)
                    .AppendValue(r.Channel)
                    .AppendValue(r.CategoryId)
                    .AppendValue(category?.Major ?? Warehouse.Unknown)
                    .AppendValue(category?.Minor ?? Warehouse.Unknown)
                    .AppendValue(r.DistrictCode)
                    .AppendValue(district ?? Warehouse.Unknown)
                    .AppendValue(r.Disposition.ToString())
                    .AppendValue(r.AnsweredAt is not null)
                    .AppendValue(wait)
                    .AppendValue(handle)
                    .AppendValue(r.Disposition is CaseDisposition.Answered or CaseDisposition.SelfService)
                    .EndRow();
            }
        }

        var since = from.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        await using var command = duck.CreateCommand();
        command.CommandText = $"""
            INSERT INTO cases
            SELECT s.case_id, s.created_at, s.created_local, CAST(s.created_local AS DATE), hour(s.created_local),
                   s.* EXCLUDE (case_id, created_at, created_local)
            FROM cases_staging s
            WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.created_at >= TIMESTAMP '{since}' AND c.case_id = s.case_id)
            """;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DateTimeOffset> ReadCursorAsync(DuckDBConnection duck, CancellationToken cancellationToken)
    {
        var value = await Warehouse.ScalarAsync(duck, "SELECT created_at FROM sync_state WHERE name = 'cases'", cancellationToken);
        return value is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
    }

    private static async Task WriteCursorAsync(DuckDBConnection duck, DateTimeOffset cursor, CancellationToken cancellationToken)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO sync_state VALUES ('cases', $at)";
        command.Parameters.Add(new DuckDBParameter("at", cursor.UtcDateTime));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record SourceRow(Guid Id, DateTimeOffset CreatedAt, string Channel, int? CategoryId, string? DistrictCode,
        CaseDisposition Disposition, DateTimeOffset? Arrived, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse sync added {Rows} cases")]
        public static partial void Synced(ILogger logger, long rows);
    }
}
