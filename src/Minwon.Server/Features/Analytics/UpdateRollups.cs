using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Cases.Events;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Analytics;

/// <summary>
/// Reads the event log after the cursor, one batch at a time, and adds each terminal event of a contact to its hour's
/// rollup: CaseClosed (a case; answered, handle time and service level from its conversation), ArsFormFiled (a
/// self-service receipt of the visual ARS, a case without a conversation), ConversationAbandoned and
/// ConversationBotResolved (a contact without a case). Rollups and cursor are saved together.
/// </summary>
public sealed partial class UpdateRollups(MinwonDbContext db, CityClock clock, ILogger<UpdateRollups> logger)
{
    public const string CursorName = "rollups";
    private const int DefaultServiceLevelSeconds = 20;

    /// <summary>The event types <see cref="Counts"/> accepts: their commits wake the rollups consumer.</summary>
    public static readonly Type[] CountedTypes =
        [typeof(CaseClosed), typeof(VisualArs.Events.ArsFormFiled), typeof(ConversationAbandoned), typeof(ConversationBotResolved)];

    /// <summary>The events that end a contact and so count in the rollups.</summary>
    public static bool Counts(EventEnvelope e) =>
        e.Event is CaseClosed or VisualArs.Events.ArsFormFiled or ConversationAbandoned or ConversationBotResolved;

    /// <summary>
    /// Processes one batch; returns how many events were read (0 when caught up). The consumer passes its
    /// <paramref name="run"/>, so events held back behind a running transaction are looked for again soon.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, int batchSize = 5000, EventConsumerRun? run = null)
    {
        var cursor = await db.Set<EventCursor>().FirstOrDefaultAsync(c => c.Name == CursorName, cancellationToken);
        if (cursor is null)
        {
            cursor = new EventCursor { Name = CursorName };
            db.Add(cursor);
        }

        var events = run is null
            ? await EventReader.ReadAfterAsync(db, cursor.At, batchSize, cancellationToken)
            : await run.ReadAsync(db, cursor.At, batchSize, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var relevant = events.Where(Counts).ToList();
        var caseIds = relevant.Select(e => e.Event).OfType<CaseClosed>().Select(c => c.CaseId)
            .Concat(relevant.Select(e => e.Event).OfType<VisualArs.Events.ArsFormFiled>().Select(f => f.CaseId)).ToList();

        var cases = await LoadCasesAsync(caseIds, cancellationToken);
        var conversationIds = relevant.Select(e => e.ConversationId).OfType<Guid>()
            .Concat(cases.Values.Select(c => c.ConversationId).OfType<Guid>()).Distinct().ToList();
        var conversations = await LoadConversationsAsync(conversationIds, cancellationToken);
        var serviceLevels = await db.Set<ServiceQueue>().AsNoTracking()
            .ToDictionaryAsync(q => q.Id, q => q.ServiceLevelSeconds, cancellationToken);

        var deltas = new Dictionary<RollupKey, RollupDelta>();
        foreach (var e in relevant)
        {
            try
            {
                var conversation = e.ConversationId is { } cid ? conversations.GetValueOrDefault(cid) : null;
                if (e.Event is CaseClosed closed)
                {
                    var record = cases.GetValueOrDefault(closed.CaseId);
                    if (record is null)
                    {
                        Log.CaseMissing(logger, e.Id);
                        continue;
                    }

                    conversation ??= record.ConversationId is { } rc ? conversations.GetValueOrDefault(rc) : null;
                    AddCase(deltas, record, conversation, serviceLevels);
                }
                else if (e.Event is VisualArs.Events.ArsFormFiled filed)
                {
                    if (cases.GetValueOrDefault(filed.CaseId) is not { } record)
                    {
                        Log.CaseMissing(logger, e.Id);
                        continue;
                    }

                    AddCase(deltas, record, null, serviceLevels);
                }
                else if (conversation is not null)
                {
                    var delta = Delta(deltas, Key(conversation.Arrived, conversation.Channel, null, null));
                    delta.Contacts++;
                    if (e.Event is ConversationAbandoned)
                    {
                        delta.Abandoned++;
                    }
                    else
                    {
                        delta.BotResolved++;
                    }
                }
            }
            catch (Exception ex)
            {
                Log.EventFailed(logger, ex, e.Id, e.Type);
            }
        }

        await ApplyAsync(deltas, cancellationToken);
        cursor.MoveTo(events[^1].Position, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    /// <summary>Runs batches until the log is read to its end; returns the number of events read.</summary>
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

    private static void AddCase(Dictionary<RollupKey, RollupDelta> deltas, CaseRow record, ConversationRow? conversation,
        Dictionary<int, int> serviceLevels)
    {
        var delta = Delta(deltas, Key(conversation?.Arrived ?? record.CreatedAt, conversation?.Channel ?? record.Channel,
            record.CategoryId, record.DistrictCode));
        delta.Contacts++;
        delta.Cases++;
        if (record.Disposition is CaseDisposition.Answered or CaseDisposition.SelfService)
        {
            delta.FirstContactResolved++;
        }

        if (record.Disposition == CaseDisposition.Abandoned)
        {
            delta.Abandoned++;
        }

        if (conversation?.AnsweredAt is { } answered)
        {
            delta.Answered++;
            var level = conversation.QueueId is { } q && serviceLevels.TryGetValue(q, out var s) ? s : DefaultServiceLevelSeconds;
            if ((answered - conversation.Arrived).TotalSeconds <= level)
            {
                delta.AnsweredInServiceLevel++;
            }

            if (conversation.EndedAt is { } ended && ended > answered)
            {
                delta.HandleSeconds += (long)(ended - answered).TotalSeconds;
            }
        }
        else if (record.Disposition == CaseDisposition.SelfService)
        {
            delta.BotResolved++;
        }
    }

    private async Task ApplyAsync(Dictionary<RollupKey, RollupDelta> deltas, CancellationToken cancellationToken)
    {
        var hours = deltas.Keys.Select(k => k.Hour).Distinct().ToList();
        var existing = new Dictionary<RollupKey, HourlyRollup>();
        foreach (var chunk in hours.Chunk(200))
        {
            var rows = await db.Set<HourlyRollup>().Where(r => chunk.Contains(r.HourStart)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                existing[new RollupKey(row.HourStart, row.Channel, row.CategoryId, row.DistrictCode)] = row;
            }
        }

        foreach (var (key, delta) in deltas)
        {
            if (!existing.TryGetValue(key, out var row))
            {
                row = new HourlyRollup { HourStart = key.Hour, Channel = key.Channel, CategoryId = key.CategoryId, DistrictCode = key.DistrictCode };
                db.Add(row);
            }

            row.Add(delta);
        }

        var daily = new Dictionary<(DateOnly Day, string Channel, int CategoryId, string DistrictCode), RollupDelta>();
        foreach (var (key, delta) in deltas)
        {
            var day = clock.DayOf(key.Hour);
            var sum = daily.TryGetValue((day, key.Channel, key.CategoryId, key.DistrictCode), out var d) ? d : new RollupDelta();
            sum.Contacts += delta.Contacts;
            sum.Cases += delta.Cases;
            sum.Answered += delta.Answered;
            sum.AnsweredInServiceLevel += delta.AnsweredInServiceLevel;
            sum.Abandoned += delta.Abandoned;
            sum.HandleSeconds += delta.HandleSeconds;
            sum.FirstContactResolved += delta.FirstContactResolved;
            sum.BotResolved += delta.BotResolved;
            daily[(day, key.Channel, key.CategoryId, key.DistrictCode)] = sum;
        }

        var days = daily.Keys.Select(k => k.Day).Distinct().ToList();
        var existingDays = await db.Set<DailyRollup>().Where(r => days.Contains(r.Day)).ToListAsync(cancellationToken);
        var byDay = existingDays.ToDictionary(r => (r.Day, r.Channel, r.CategoryId, r.DistrictCode));
        foreach (var (key, delta) in daily)
        {
            if (!byDay.TryGetValue(key, out var row))
            {
                row = new DailyRollup { Day = key.Day, Channel = key.Channel, CategoryId = key.CategoryId, DistrictCode = key.DistrictCode };
                db.Add(row);
            }

            row.Add(delta);
        }
    }

    private async Task<Dictionary<Guid, CaseRow>> LoadCasesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, CaseRow>();
        foreach (var chunk in ids.Distinct().Chunk(1000))
        {
            var rows = await db.Set<Case>().AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new CaseRow(c.Id, c.ConversationId, c.CategoryId, c.DistrictCode, c.Disposition, c.Channel, c.CreatedAt))
                .ToListAsync(cancellationToken);
            rows.ForEach(r => result[r.Id] = r);
        }

        return result;
    }

    private async Task<Dictionary<Guid, ConversationRow>> LoadConversationsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ConversationRow>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.Set<Conversation>().AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new ConversationRow(c.Id, c.Channel, c.QueueId, c.FirstEnqueuedAt ?? c.CreatedAt, c.AnsweredAt, c.EndedAt))
                .ToListAsync(cancellationToken);
            rows.ForEach(r => result[r.Id] = r);
        }

        return result;
    }

    private static RollupKey Key(DateTimeOffset at, string? channel, int? categoryId, string? districtCode)
    {
        var utc = at.ToUniversalTime();
        return new RollupKey(new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero),
            string.IsNullOrEmpty(channel) ? "unknown" : channel, categoryId ?? 0, districtCode ?? "");
    }

    private static RollupDelta Delta(Dictionary<RollupKey, RollupDelta> deltas, RollupKey key)
    {
        if (!deltas.TryGetValue(key, out var delta))
        {
            deltas[key] = delta = new RollupDelta();
        }

        return delta;
    }

    private readonly record struct RollupKey(DateTimeOffset Hour, string Channel, int CategoryId, string DistrictCode);

    private sealed record CaseRow(Guid Id, Guid? ConversationId, int? CategoryId, string? DistrictCode, CaseDisposition Disposition,
        string Channel, DateTimeOffset CreatedAt);

    private sealed record ConversationRow(Guid Id, string Channel, int? QueueId, DateTimeOffset Arrived, DateTimeOffset? AnsweredAt,
        DateTimeOffset? EndedAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Analytics rollup skipped event {EventId} ({EventType})")]
        public static partial void EventFailed(ILogger logger, Exception exception, long eventId, string eventType);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics rollup: case of event {EventId} not found")]
        public static partial void CaseMissing(ILogger logger, long eventId);
    }
}
