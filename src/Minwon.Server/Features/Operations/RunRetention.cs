using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;

namespace Minwon.Server.Features.Operations;

public sealed record RetentionResult(string Kind, int Days, DateTimeOffset? Before, long Count, bool DryRun);

/// <summary>
/// One retention pass: for each kind with a limit, what is older than it goes (or, with dry run, is only counted).
/// Every purge that removed something is written to the access log, so the log shows who removed what and when.
/// </summary>
public sealed class RunRetention(MinwonDbContext db, AccessLog accessLog, IOptions<RetentionOptions> options, TimeProvider clock,
    IOptions<Platform.MinwonOptions> minwon, ArsUploadStore uploads, Video.VideoRecordingStore videos)
{
    public const string Actor = "system:retention";

    public async Task<IReadOnlyList<RetentionResult>> RunAsync(bool dryRun, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var results = new List<RetentionResult>
        {
            await MessagesAsync("messages", settings.MessagesDays, voice: false, now, dryRun, ct),
            await MessagesAsync("transcripts", settings.TranscriptsDays, voice: true, now, dryRun, ct),
            await RecordingsAsync(settings.RecordingsDays, now, dryRun, ct),
            await VideoRecordingsAsync(settings.VideoRecordingsDays, now, dryRun, ct),
            await UploadsAsync(settings.UploadsDays, now, dryRun, ct),
        };
        if (!dryRun)
        {
            foreach (var purged in results.Where(r => r.Count > 0))
            {
                await accessLog.AppendAsync(new AccessRecord(Actor, "system", null, $"retention:{purged.Kind}", "purge",
                    Reason(purged.Count, purged.Days, purged.Before)), ct);
            }
        }

        // Last, so the entries just written are in the chain it anchors; its own entry is the anchor.
        results.Add(await AccessLogAsync(settings.AccessLogDays, now, dryRun, ct));
        return results;
    }

    private static string Reason(long count, int days, DateTimeOffset? before) =>
        $"{count} older than {days} days (before {before:yyyy-MM-ddTHH:mm:ssZ})";

    private async Task<RetentionResult> AccessLogAsync(int days, DateTimeOffset now, bool dryRun, CancellationToken ct)
    {
        if (days <= 0)
        {
            return new("access-log", 0, null, 0, dryRun);
        }

        var before = now.AddDays(-Math.Max(days, RetentionOptions.MinimumAccessLogDays));
        var purge = await accessLog.PurgeBeforeAsync(before, count => Reason(count, days, before),
            new AccessRecord(Actor, "system", null, "accesslog", "purge"), dryRun, ct);
        return new("access-log", days, before, purge.Purged, dryRun);
    }

    private async Task<RetentionResult> MessagesAsync(string kind, int days, bool voice, DateTimeOffset now, bool dryRun, CancellationToken ct)
    {
        if (days <= 0)
        {
            return new(kind, 0, null, 0, dryRun);
        }

        var before = now.AddDays(-days);
        var finished = db.Set<Conversation>().Where(c => c.Status == ConversationStatus.Closed
            && (c.Channel == Channels.Phone || c.Channel == Channels.WebCall) == voice).Select(c => c.Id);
        var due = db.Set<Message>().Where(m => m.CreatedAt < before && finished.Contains(m.ConversationId));
        var count = dryRun ? await due.LongCountAsync(ct) : await due.ExecuteDeleteAsync(ct);
        return new(kind, days, before, count, dryRun);
    }

    private async Task<RetentionResult> RecordingsAsync(int days, DateTimeOffset now, bool dryRun, CancellationToken ct)
    {
        if (days <= 0)
        {
            return new("recordings", 0, null, 0, dryRun);
        }

        var before = now.AddDays(-days);
        var due = db.Set<CallRecording>().Where(r => r.DeletedAt == null && r.EndedAt != null && r.StartedAt < before);
        if (dryRun)
        {
            return new("recordings", days, before, await due.LongCountAsync(ct), dryRun);
        }

        long count = 0;
        while (await due.Take(500).ToListAsync(ct) is { Count: > 0 } batch)
        {
            foreach (var recording in batch)
            {
                File.Delete(Path.Combine(minwon.Value.ResolvedDataDir, "recordings", Path.GetFileName(recording.FileName)));
                recording.DeletedAt = now;
            }

            await db.SaveChangesAsync(ct);
            count += batch.Count;
        }

        return new("recordings", days, before, count, dryRun);
    }

    /// <summary>Video recording parts of calls that are over (the file and its key; the row keeps the fact that there was one).</summary>
    private async Task<RetentionResult> VideoRecordingsAsync(int days, DateTimeOffset now, bool dryRun, CancellationToken ct)
    {
        const string kind = "video-recordings";
        if (days <= 0)
        {
            return new(kind, 0, null, 0, dryRun);
        }

        var before = now.AddDays(-days);
        var over = db.Set<Conversation>().Where(c => c.Status == ConversationStatus.WrapUp || c.Status == ConversationStatus.Closed
            || c.Status == ConversationStatus.Abandoned).Select(c => c.Id);
        var due = db.Set<Video.VideoRecordingPart>().Where(p => p.DeletedAt == null && p.StartedAt < before && over.Contains(p.ConversationId));
        if (dryRun)
        {
            return new(kind, days, before, await due.LongCountAsync(ct), dryRun);
        }

        long count = 0;
        while (await due.OrderBy(p => p.StartedAt).Take(500).ToListAsync(ct) is { Count: > 0 } batch)
        {
            foreach (var part in batch)
            {
                await videos.DeleteAsync(part.ConversationId, part.Part, part.FileName, ct);
                part.DeletedAt = now;
            }

            await db.SaveChangesAsync(ct);
            count += batch.Count;
        }

        return new(kind, days, before, count, dryRun);
    }

    private async Task<RetentionResult> UploadsAsync(int days, DateTimeOffset now, bool dryRun, CancellationToken ct)
    {
        if (days <= 0)
        {
            return new("uploads", 0, null, 0, dryRun);
        }

        var before = now.AddDays(-days);
        var due = db.Set<ArsUpload>().Where(u => u.CreatedAt < before);
        if (dryRun)
        {
            return new("uploads", days, before, await due.LongCountAsync(ct), dryRun);
        }

        long count = 0;
        while (await due.Take(500).ToListAsync(ct) is { Count: > 0 } batch)
        {
            foreach (var upload in batch)
            {
                File.Delete(uploads.PathOf(upload));
            }

            db.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
            count += batch.Count;
        }

        return new("uploads", days, before, count, dryRun);
    }
}
