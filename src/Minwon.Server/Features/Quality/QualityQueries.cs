using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// What the quality screens and API read. Counsellors see only their own scores, findings and disputes; supervisors
/// and administrators see the whole center. A score someone may not see is reported as not found.
/// </summary>
public sealed class QualityQueries(MinwonDbContext db)
{
    public const int MaxLimit = 500;

    public async Task<List<QualityScoreRow>> ListAsync(ClaimsPrincipal user, QualityFilter filter, CancellationToken cancellationToken)
    {
        var query = Visible(user);
        if (!string.IsNullOrEmpty(filter.CounsellorId))
        {
            query = query.Where(s => s.CounsellorId == filter.CounsellorId);
        }

        if (!string.IsNullOrEmpty(filter.Channel))
        {
            query = query.Where(s => s.Channel == filter.Channel);
        }

        if (!string.IsNullOrEmpty(filter.Team))
        {
            query = query.Where(s => s.Team == filter.Team);
        }

        if (filter.From is { } from)
        {
            query = query.Where(s => s.ClosedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.ClosedAt < to);
        }

        QualityArea? area = QualityAreas.TryParse(filter.Area, out var a) ? a : null;
        var ordered = filter.Newest ? query.OrderByDescending(s => s.ClosedAt) : area switch
        {
            QualityArea.Greeting => query.OrderBy(s => s.Greeting),
            QualityArea.Attitude => query.OrderBy(s => s.Attitude),
            QualityArea.Handling => query.OrderBy(s => s.Handling),
            QualityArea.Reachability => query.OrderBy(s => s.Reachability),
            QualityArea.Closing => query.OrderBy(s => s.Closing),
            _ => query.OrderBy(s => s.Total),
        };
        return await ordered.ThenByDescending(s => s.ClosedAt).ThenBy(s => s.Id)
            .Skip(Math.Max(0, filter.Offset)).Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .Select(s => Row(s)).ToListAsync(cancellationToken);
    }

    public async Task<QualityScoreDetail?> DetailAsync(ClaimsPrincipal user, Guid scoreId, CancellationToken cancellationToken)
    {
        var score = await Visible(user).FirstOrDefaultAsync(s => s.Id == scoreId, cancellationToken);
        return score is null ? null : await DetailAsync(score, cancellationToken);
    }

    public async Task<QualityScoreDetail?> ByConversationAsync(ClaimsPrincipal user, Guid conversationId, CancellationToken cancellationToken)
    {
        var score = await Visible(user).FirstOrDefaultAsync(s => s.ConversationId == conversationId, cancellationToken);
        return score is null ? null : await DetailAsync(score, cancellationToken);
    }

    public async Task<List<QualityDisputeView>> DisputesAsync(ClaimsPrincipal user, DisputeStatus? status, CancellationToken cancellationToken)
    {
        var disputes = db.Set<QualityDispute>().AsNoTracking();
        if (!user.SeesWholeCenter())
        {
            var me = user.Id();
            disputes = disputes.Where(d => d.CounsellorId == me);
        }

        if (status is { } s)
        {
            disputes = disputes.Where(d => d.Status == s);
        }

        var rows = await disputes.OrderByDescending(d => d.CreatedAt).Take(MaxLimit)
            .Join(db.Set<QualityFindingRecord>(), d => d.FindingId, f => f.Id, (d, f) => new { d, f })
            .Join(db.Set<QualityScore>(), x => x.d.ScoreId, s => s.Id, (x, s) => new { x.d, x.f, s.CounsellorName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => DisputeView(x.d, x.f, x.CounsellorName))];
    }

    internal static QualityDisputeView DisputeView(QualityDispute d, QualityFindingRecord f, string counsellorName) =>
        new(d.Id, d.FindingId, d.ScoreId, d.CounsellorId, counsellorName, f.Item, Label(f.Item), f.Evidence, d.Reason, d.CreatedAt, d.Status,
            d.Resolution, d.ResolvedAt);

    public static string Label(string item) => BuiltInItems.Catalogue.TryGetValue(item, out var entry) ? entry.Label : item;

    private IQueryable<QualityScore> Visible(ClaimsPrincipal user)
    {
        var scores = db.Set<QualityScore>().AsNoTracking();
        if (user.SeesWholeCenter())
        {
            return scores;
        }

        var me = user.Id();
        return scores.Where(s => s.CounsellorId == me);
    }

    private async Task<QualityScoreDetail> DetailAsync(QualityScore score, CancellationToken cancellationToken)
    {
        var findings = await db.Set<QualityFindingRecord>().AsNoTracking().Where(f => f.ScoreId == score.Id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var disputes = await db.Set<QualityDispute>().AsNoTracking().Where(d => d.ScoreId == score.Id).ToListAsync(cancellationToken);
        var latest = disputes.GroupBy(d => d.FindingId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.CreatedAt).First());
        var transcript = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == score.ConversationId && m.Kind == MessageKind.Text)
            .OrderBy(m => m.Seq).Take(2000)
            .Select(m => new TranscriptLine(m.Seq, m.Sender.ToString(), m.Body, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var reviews = await db.Set<QualityReview>().AsNoTracking().Where(r => r.ScoreId == score.Id).OrderByDescending(r => r.ReviewedAt)
            .Select(r => new QualityReviewView(r.Id, r.ReviewerId, r.ReviewedAt, r.Greeting, r.Attitude, r.Handling, r.Reachability, r.Closing,
                r.AutoGreeting, r.AutoAttitude, r.AutoHandling, r.AutoReachability, r.AutoClosing, r.Note))
            .ToListAsync(cancellationToken);
        return new QualityScoreDetail(Row(score),
            [.. findings.Select(f => new QualityFindingView(f.Id, f.Area, f.Item, Label(f.Item), f.Passed, f.Overturned, f.TurnIndex, f.MessageSeq,
                f.Evidence, latest.TryGetValue(f.Id, out var d) ? DisputeView(d, f, score.CounsellorName) : null))],
            transcript, reviews);
    }

    private static QualityScoreRow Row(QualityScore s) => new(s.Id, s.ConversationId, s.ReceiptNumber, s.CounsellorId, s.CounsellorName,
        s.Team, s.Channel, s.ClosedAt, s.Greeting, s.Attitude, s.Handling, s.Reachability, s.Closing, s.Total, s.ScorecardVersion);
}
