using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Operations;
using Minwon.Server.Features.Video;
using Minwon.Server.Features.Voice;

namespace Minwon.Server.Features.Recordings;

/// <param name="Kind">"call" (a call recording, WAV) or "video" (a video call's recording, WebM parts played in order).</param>
/// <param name="Consent">How the citizen was asked: the call's recording announcement, or the video consent events.</param>
/// <param name="DeleteAfter">When retention removes it (Minwon:Retention:RecordingsDays or VideoRecordingsDays); null: kept.</param>
/// <param name="Urls">What plays it (each request is access-logged by the API).</param>
public sealed record RecordingRow(string Kind, Guid Key, Guid? ConversationId, DateTimeOffset StartedAt, string Channel, string? Counsellor,
    long DurationMs, long Bytes, string Consent, DateTimeOffset? DeleteAfter, IReadOnlyList<string> Urls);

/// <summary>
/// The recent call and video recordings for the supervisors' list (<c>/recordings</c>), newest first, without the ones
/// retention removed. Reads through <see cref="IDbContextFactory{TContext}"/>, as a Blazor circuit outlives a scope.
/// </summary>
public sealed class RecentRecordings(IDbContextFactory<MinwonDbContext> dbs, IOptions<RetentionOptions> retention, CallManager calls)
{
    public async Task<List<RecordingRow>> ListAsync(int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var callRows = await (
            from r in db.Set<CallRecording>().AsNoTracking()
            where r.DeletedAt == null
            join c in db.Set<Conversation>() on r.ConversationId equals (Guid?)c.Id into cs
            from c in cs.DefaultIfEmpty()
            orderby r.StartedAt descending
            select new { r.Id, r.ConversationId, r.StartedAt, r.DurationMs, r.FileName, Channel = c == null ? Channels.Phone : c.Channel, Agent = c == null ? null : c.AssignedToId })
            .Take(take).ToListAsync(ct);

        var videoParts = await db.Set<VideoRecordingPart>().AsNoTracking().Where(p => p.DeletedAt == null && p.Chunks > 0)
            .OrderByDescending(p => p.StartedAt).Take(take * 4).ToListAsync(ct);
        var videoConversations = videoParts.Select(p => p.ConversationId).Distinct().ToList();
        var videoAgents = await db.Set<Conversation>().AsNoTracking().Where(c => videoConversations.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.AssignedToId, ct);
        var consented = (await db.Set<Message>().AsNoTracking()
            .Where(m => videoConversations.Contains(m.ConversationId) && m.Kind == Minwon.Core.Conversations.MessageKind.Event && m.Body == VideoRecordings.GivenText)
            .Select(m => m.ConversationId).Distinct().ToListAsync(ct)).ToHashSet();

        var agentIds = callRows.Select(r => r.Agent).Concat(videoAgents.Values).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var settings = retention.Value;
        var rows = callRows.Select(r => new RecordingRow("call", r.Id, r.ConversationId, r.StartedAt, r.Channel, NameOf(r.Agent), r.DurationMs,
                FileLength(r.FileName), "녹음 안내 후 통화", Until(r.StartedAt, settings.RecordingsDays), [$"/api/voice/recordings/{r.Id}"]))
            .Concat(videoParts.GroupBy(p => p.ConversationId).Select(g =>
            {
                var parts = g.OrderBy(p => p.Part).ToList();
                var agent = videoAgents.GetValueOrDefault(g.Key);
                return new RecordingRow("video", g.Key, g.Key, parts[0].StartedAt, Channels.Video, NameOf(agent),
                    parts.Sum(p => VideoRecordings.ToDto(p).DurationMs), parts.Sum(p => p.Bytes),
                    consented.Contains(g.Key) ? $"시민 동의 ({parts.Count}개 부분)" : "동의 기록 없음",
                    Until(parts[0].StartedAt, settings.VideoRecordingsDays), parts.Select(p => VideoRecordings.ToDto(p).Url).ToList());
            }))
            .OrderByDescending(r => r.StartedAt).Take(take).ToList();
        return rows;

        string? NameOf(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : null;
    }

    private long FileLength(string fileName)
    {
        var file = new FileInfo(Path.Combine(calls.RecordingsDirectory, Path.GetFileName(fileName)));
        return file.Exists ? file.Length : 0;
    }

    private static DateTimeOffset? Until(DateTimeOffset startedAt, int days) => days > 0 ? startedAt.AddDays(days) : null;
}
