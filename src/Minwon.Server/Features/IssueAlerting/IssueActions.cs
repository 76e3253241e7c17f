using Microsoft.EntityFrameworkCore;
using Minwon.Core.IssueAlerting;
using Minwon.Server.Data;
using Minwon.Server.Platform;
using Minwon.Server.Features.IssueAlerting.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.IssueAlerting;

public sealed record PublishNoticeRequest(string? Text, int? ValidHours, string? District);

/// <summary>Records detector alerts as issues and carries out supervisors' decisions on them.</summary>
public sealed class IssueActions(MinwonDbContext db, EventLog events, TimeProvider clock, CityClock cityClock, LiveBus bus, NoticeBoard notices)
{
    /// <summary>A new alert becomes an issue, unless an open issue with the same terms and place is still running: then it grows.</summary>
    public async Task<DetectedIssue> RecordAsync(IssueAlert alert, IReadOnlyList<Guid> conversations, string origin, CancellationToken ct)
    {
        var issue = await TrackAsync(alert, conversations, origin, ct);
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(issue.Id);
        return issue;
    }

    /// <summary>Pushes an issue saved after <see cref="TrackAsync"/> to supervisors' screens.</summary>
    public Task AnnounceAsync(Guid issueId) => bus.PublishAsync(new IssueChanged(issueId));

    /// <summary>
    /// <see cref="RecordAsync"/> without saving: the issue joins the caller's unit of work (the detector saves it with its
    /// own state and position). Issues added earlier in the same unit of work count as open, so alerts of one batch merge.
    /// </summary>
    public async Task<DetectedIssue> TrackAsync(IssueAlert alert, IReadOnlyList<Guid> conversations, string origin, CancellationToken ct)
    {
        var terms = string.Join(' ', alert.Terms);
        var pending = db.ChangeTracker.Entries<DetectedIssue>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(i => i.District == alert.District).ToList();
        var open = pending.Concat(await db.Set<DetectedIssue>()
            .Where(i => (i.Status == IssueStatus.New || i.Status == IssueStatus.Confirmed) && i.District == alert.District)
            .OrderByDescending(i => i.DetectedAt).Take(20).ToListAsync(ct));
        var issue = open.FirstOrDefault(i => i.Terms.Split(' ').Intersect(alert.Terms).Any());
        var now = clock.GetUtcNow();
        if (issue is null)
        {
            issue = new DetectedIssue
            {
                DetectedAt = alert.DetectedAt, LastSeenAt = alert.DetectedAt, Terms = terms, Category = alert.Category,
                District = alert.District, Count = alert.Count, Baseline = alert.Baseline, Score = alert.Score,
            };
            db.Add(issue);
            db.Add(new IssueTimelineEntry { IssueId = issue.Id, At = now, What = $"감지 ({origin}): {alert.Count}건, 평소 {alert.Baseline:0.#}건" });
        }
        else
        {
            issue.LastSeenAt = alert.DetectedAt;
            issue.Count = Math.Max(issue.Count, alert.Count);
            issue.Score = Math.Max(issue.Score, alert.Score);
            db.Add(new IssueTimelineEntry { IssueId = issue.Id, At = now, What = $"증가: {alert.Count}건" });
        }

        foreach (var conversationId in conversations.Take(200))
        {
            db.Add(new IssueContact { IssueId = issue.Id, ConversationId = conversationId, At = now });
        }

        events.Append(new IssueDetected(issue.Id));
        return issue;
    }

    /// <summary>
    /// Replays a JSON Lines event stream through a fresh detector (its times are not the live stream's and must not
    /// disturb the live baselines); its alerts become issues that appear on supervisors' screens.
    /// </summary>
    public async Task<ReplayResult> ReplayAsync(TextReader reader, CancellationToken ct)
    {
        var events = new List<ContactEvent>();
        var skipped = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (IssueJson.ParseEvent(line, out _, cityClock.Zone) is { } e)
            {
                events.Add(e);
            }
            else
            {
                skipped++;
            }
        }

        var detector = new IssueDetector();
        var alerts = 0;
        foreach (var e in events.OrderBy(e => e.Time.UtcTicks))
        {
            foreach (var alert in detector.Observe(e))
            {
                await RecordAsync(alert, [], "재생", ct);
                alerts++;
            }
        }

        return new ReplayResult(events.Count, skipped, alerts);
    }

    public async Task DecideAsync(Guid issueId, IssueStatus status, string userId, CancellationToken ct)
    {
        if (status == IssueStatus.New)
        {
            throw ProblemException.Invalid("확인, 기각 또는 해결만 선택할 수 있습니다.");
        }

        var issue = await db.Set<DetectedIssue>().FirstOrDefaultAsync(i => i.Id == issueId, ct) ?? throw ProblemException.NotFound("이슈를 찾을 수 없습니다.");
        issue.Status = status;
        issue.DecidedBy = userId;
        issue.DecidedAt = clock.GetUtcNow();
        db.Add(new IssueTimelineEntry { IssueId = issueId, At = clock.GetUtcNow(), What = status switch
        {
            IssueStatus.Confirmed => "확인됨",
            IssueStatus.Dismissed => "기각됨 (오탐)",
            _ => "해결됨",
        }, By = userId });
        if (status is IssueStatus.Resolved or IssueStatus.Dismissed)
        {
            await db.Set<Notice>().Where(n => n.IssueId == issueId && !n.Withdrawn)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Withdrawn, true), ct);
            notices.Invalidate();
        }

        events.Append(new IssueDecided(issueId, status));
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(new IssueChanged(issueId));
    }

    public async Task<Notice> PublishNoticeAsync(Guid? issueId, PublishNoticeRequest request, string userId, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Notice.MaxTextLength)
        {
            throw ProblemException.Invalid($"공지 내용은 1~{Notice.MaxTextLength}자여야 합니다.");
        }

        var hours = request.ValidHours ?? 6;
        if (hours is < 1 or > 24 * 14)
        {
            throw ProblemException.Invalid("유효 시간은 1~336시간이어야 합니다.");
        }

        DetectedIssue? issue = null;
        if (issueId is { } id)
        {
            issue = await db.Set<DetectedIssue>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw ProblemException.NotFound("이슈를 찾을 수 없습니다.");
            if (issue.Status == IssueStatus.New)
            {
                issue.Status = IssueStatus.Confirmed;
                issue.DecidedBy = userId;
                issue.DecidedAt = clock.GetUtcNow();
            }
        }

        var now = clock.GetUtcNow();
        var notice = new Notice
        {
            IssueId = issueId, Text = text, District = request.District ?? issue?.District, Terms = issue?.Terms ?? "",
            ValidFrom = now, ValidUntil = now.AddHours(hours), CreatedBy = userId, CreatedAt = now,
        };
        db.Add(notice);
        if (issueId is { } issueKey)
        {
            db.Add(new IssueTimelineEntry { IssueId = issueKey, At = now, What = "공지 게시: " + text, By = userId });
        }

        events.Append(new NoticePublished(notice.Id, issueId));
        await db.SaveChangesAsync(ct);
        notices.Invalidate();
        await bus.PublishAsync(new NoticeChanged(notice.Id));
        return notice;
    }
}
