using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Assistant;
using Minwon.Core.Conversations;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting;

/// <summary>
/// Feeds each conversation's first citizen message (masked; typed, or spoken on a call) to the streaming issue detector, from the event log. The
/// detector's learned state is saved in its cursor row together with the position it has seen and the issues it
/// raised, in one transaction: after a crash, on whichever node takes over, it resumes from that state and replays
/// the events since, so no contact is counted twice and no alert is lost or doubled.
/// </summary>
public sealed partial class IssueDetectorConsumer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IssueDetectorConsumer> logger,
    Microsoft.Extensions.Options.IOptions<Platform.MinwonOptions> options) : EventConsumer
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Memory = TimeSpan.FromHours(3);

    // Only the lease holder's loop touches these.
    private IssueDetector? detector;
    private EventPosition seen;
    private DateTimeOffset lastSaved;
    private readonly System.Diagnostics.Stopwatch sinceSave = System.Diagnostics.Stopwatch.StartNew();
    private readonly Queue<(Guid ConversationId, string Text, string? District, DateTimeOffset At)> recent = new();

    public override string Name => "issues";

    public override int BatchSize => 500;

    // Typed chat and a caller's spoken lines (final transcript segments, masked like chat) alike.
    public override IReadOnlyCollection<Type> WakesOn => [typeof(MessageSent)];

    public override bool Wants(EventEnvelope e) => e.Event is MessageSent { Sender: MessageSender.Citizen, Kind: MessageKind.Text or MessageKind.Speech };

    // Never called: the batch below handles events itself, to save state, position and issues together.
    public override Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task StopAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Saved at shutdown so a restart replays little; whoever runs it next starts from the saved state. If another
        // node has moved the cursor meanwhile (this node lost its lease), the concurrency token refuses this save.
        try
        {
            if (detector is not null)
            {
                var db = services.GetRequiredService<MinwonDbContext>();
                var cursor = await db.Set<EventCursor>().FirstOrDefaultAsync(c => c.Name == Name, cancellationToken);
                if (cursor is not null && cursor.At.CompareTo(seen) < 0)
                {
                    cursor.MoveTo(seen, clock.GetUtcNow());
                    cursor.State = JsonSerializer.Serialize(detector.Save());
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        catch (DbUpdateException ex)
        {
            LogStopSaveFailed(logger, ex);
        }
        finally
        {
            detector = null;
            recent.Clear();
        }
    }

    public override async Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var cursor = await run.LoadCursorAsync(db, cancellationToken);
        if (detector is null)
        {
            detector = Restore(cursor.State);
            seen = cursor.At;
        }

        try
        {
            var batch = await run.ReadAsync(db, seen, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                // Caught up: a good moment to save what was seen since the last save (at most once a second).
                if ((cursor.At.CompareTo(seen) < 0 && sinceSave.Elapsed >= TimeSpan.FromSeconds(1)) || db.Entry(cursor).State == EntityState.Added)
                {
                    cursor.MoveTo(seen, clock.GetUtcNow());
                    cursor.State = JsonSerializer.Serialize(detector.Save());
                    await db.SaveChangesAsync(cancellationToken);
                    lastSaved = clock.GetUtcNow();
                    sinceSave.Restart();
                }

                return 0;
            }

            var actions = scope.ServiceProvider.GetRequiredService<IssueActions>();
            var raised = new List<DetectedIssue>();
            var wanted = batch.Where(e => Wants(e) && e.ConversationId is not null).ToList();
            var firstSeqs = await FirstCitizenSeqsAsync(db, wanted, cancellationToken);
            foreach (var e in wanted)
            {
                // Only a conversation's first citizen line feeds the detector: one query for the batch finds which events
                // those are (it was one query per citizen message, which left the detector behind under chat load), and
                // only those few read their message.
                if (firstSeqs.TryGetValue(e.ConversationId!.Value, out var firstSeq) && firstSeq == ((MessageSent)e.Event!).Seq
                    && await CitizenTextAsync(db, e.ConversationId.Value, firstSeq, cancellationToken) is { } first)
                {
                    raised.AddRange(await ObserveAsync(actions, e.ConversationId.Value, first.Body, first.CreatedAt, cancellationToken));
                }
            }

            seen = batch[^1].Position;
            // Position and state are saved together or not at all; between saves a crash replays from the last one.
            if (raised.Count > 0 || clock.GetUtcNow() - lastSaved > SaveEvery)
            {
                cursor.MoveTo(seen, clock.GetUtcNow());
                cursor.State = JsonSerializer.Serialize(detector.Save());
                await db.SaveChangesAsync(cancellationToken);
                lastSaved = clock.GetUtcNow();
                sinceSave.Restart();
                foreach (var issue in raised.DistinctBy(i => i.Id))
                {
                    await actions.AnnounceAsync(issue.Id);
                }
            }

            return batch.Count;
        }
        catch
        {
            // The in-memory detector may be ahead of what was saved: forget it and restore.
            detector = null;
            recent.Clear();
            throw;
        }
    }

    /// <summary>The sequence number of the first citizen text (typed or spoken) of each conversation of these events.</summary>
    private static async Task<Dictionary<Guid, int>> FirstCitizenSeqsAsync(MinwonDbContext db, List<EventEnvelope> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var ids = events.Select(e => e.ConversationId!.Value).Distinct().ToList();
        return await db.Set<Message>().AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Sender == MessageSender.Citizen && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Speech))
            .GroupBy(m => m.ConversationId)
            .Select(g => new { ConversationId = g.Key, Seq = g.Min(m => m.Seq) })
            .ToDictionaryAsync(f => f.ConversationId, f => f.Seq, ct);
    }

    private static Task<Message?> CitizenTextAsync(MinwonDbContext db, Guid conversationId, int seq, CancellationToken ct) =>
        db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Seq == seq, ct);

    private async Task<List<DetectedIssue>> ObserveAsync(IssueActions actions, Guid conversationId, string text, DateTimeOffset at, CancellationToken ct)
    {
        var district = CaseFormExtractor.Extract(text, DateOnly.FromDateTime(at.UtcDateTime)).District;
        var category = CategoryKeywordMatcher.Instance.Guess(text, 1).FirstOrDefault()?.Major;
        recent.Enqueue((conversationId, text, district, at));
        while (recent.Count > 0 && at - recent.Peek().At > Memory)
        {
            recent.Dequeue();
        }

        var raised = new List<DetectedIssue>();
        foreach (var alert in detector!.Observe(new ContactEvent(at, text, category, district, "chat")))
        {
            var behind = recent.Where(r => (alert.District is null || r.District == alert.District)
                    && alert.Terms.Any(t => r.Text.Replace(" ", "", StringComparison.Ordinal).Contains(t, StringComparison.Ordinal)))
                .Select(r => r.ConversationId).Distinct().ToList();
            raised.Add(await actions.TrackAsync(alert, behind, "실시간", ct));
        }

        return raised;
    }

    private IssueDetector Restore(string? saved)
    {
        lastSaved = clock.GetUtcNow();
        try
        {
            if (saved is not null && JsonSerializer.Deserialize<IssueDetectorState>(saved) is { } state)
            {
                return IssueDetector.Restore(state, DetectorOptions());
            }

            // Before the detector lived in the database it was saved to a file on the node.
            var file = Path.Combine(options.Value.ResolvedDataDir, "issues", "detector.json");
            if (File.Exists(file) && JsonSerializer.Deserialize<IssueDetectorState>(File.ReadAllText(file)) is { } legacy)
            {
                return IssueDetector.Restore(legacy, DetectorOptions());
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or ArgumentException)
        {
            // A damaged or older state only costs a warm-up; the detector starts fresh.
            LogRestoreFailed(logger, ex);
        }

        return new IssueDetector(DetectorOptions());
    }

    /// <summary>The Korean public holidays plus the administrator's (Minwon:IssueHolidays, checked as dates at start).</summary>
    private IssueDetectorOptions DetectorOptions() =>
        new() { Holidays = HolidayCalendar.Korea.With(HolidayCalendar.ParseDays(options.Value.IssueHolidays)) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue detector state was not saved at stop (another node took over); it resumes from the last save")]
    private static partial void LogStopSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue detector state could not be restored; starting fresh")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception);
}
