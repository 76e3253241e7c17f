using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Cases;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Reads CaseClosed from the event log after its cursor and scores each closed consultation. Scores and the cursor
/// are saved together, so a restart neither skips nor repeats one, and a second node's overlapping batch fails on
/// the cursor's concurrency token and retries. Kept small and on its own so it can move onto a shared
/// event-log consumer (Platform/Events) when there is one.
/// </summary>
public sealed partial class ScoreClosedConsultations(MinwonDbContext db, ChatConsultations chats, ScoreConsultation score,
    ScorecardStore scorecards, ILogger<ScoreClosedConsultations> logger)
{
    public const string CursorName = "quality";

    /// <summary>Scores one batch; returns how many events were read (0 when caught up).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, int batchSize = 200)
    {
        // The cursor lives in the analytics cursor table, the one durable cursor table the event log has so far.
        var cursor = await db.Set<AnalyticsCursor>().FirstOrDefaultAsync(c => c.Name == CursorName, cancellationToken);
        if (cursor is null)
        {
            cursor = new AnalyticsCursor { Name = CursorName };
            db.Add(cursor);
        }

        var position = cursor.Position;
        var events = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Id > position).OrderBy(e => e.Id).Take(batchSize)
            .Select(e => new { e.Id, e.Type, e.Payload })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var scorer = await scorecards.ActiveAsync(db, cancellationToken);
        var seen = new HashSet<Guid>();
        foreach (var e in events.Where(e => e.Type == "CaseClosed"))
        {
            try
            {
                if (CaseIdOf(e.Payload) is not { } caseId)
                {
                    Log.NoCaseId(logger, e.Id);
                    continue;
                }

                var record = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
                if (record?.ConversationId is not { } conversationId || !seen.Add(conversationId)
                    || await db.Set<QualityScore>().AnyAsync(s => s.ConversationId == conversationId, cancellationToken))
                {
                    continue;
                }

                if (await chats.LoadAsync(record, cancellationToken) is { } consultation)
                {
                    score.Add(consultation, scorer);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.EventFailed(logger, ex, e.Id);
            }
        }

        cursor.Position = events[^1].Id;
        cursor.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    /// <summary>Runs batches until the log is read to its end.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int read;
        while ((read = await RunOnceAsync(cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static Guid? CaseIdOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.NameEquals("CaseId") || property.NameEquals("caseId"))
                {
                    return property.Value.TryGetGuid(out var id) ? id : null;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Quality scoring skipped event {EventId}")]
        public static partial void EventFailed(ILogger logger, Exception exception, long eventId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Quality scoring: event {EventId} names no case")]
        public static partial void NoCaseId(ILogger logger, long eventId);
    }
}
