using Microsoft.EntityFrameworkCore;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Quality.Events;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Disputes and calibration: a counsellor disputes a failed finding of their own score; a supervisor upholds it
/// (the item counts as passed and the score is recomputed with the scorecard version it was scored with) or rejects
/// it; a supervisor scores a consultation by hand beside the automatic score.
/// </summary>
public sealed class QualityActions(MinwonDbContext db, EventLog events, ScorecardStore scorecards, TimeProvider clock)
{
    public async Task<QualityDisputeView> DisputeAsync(long findingId, string counsellorId, string? reason, CancellationToken cancellationToken)
    {
        var text = Required(reason, "이의 제기 사유를 적어 주세요.");
        var finding = await db.Set<QualityFindingRecord>().FirstOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        var score = finding is null ? null : await db.Set<QualityScore>().FirstOrDefaultAsync(s => s.Id == finding.ScoreId, cancellationToken);
        if (finding is null || score is null || score.CounsellorId != counsellorId)
        {
            throw ProblemException.NotFound("평가 항목을 찾을 수 없습니다.");
        }

        if (finding.Passed)
        {
            throw ProblemException.Conflict("통과한 항목에는 이의를 제기할 수 없습니다.");
        }

        if (await db.Set<QualityDispute>().AnyAsync(d => d.FindingId == findingId && d.Status == DisputeStatus.Open, cancellationToken))
        {
            throw ProblemException.Conflict("이미 검토 중인 이의 제기가 있습니다.");
        }

        var dispute = new QualityDispute
        {
            FindingId = findingId, ScoreId = score.Id, CounsellorId = counsellorId, Reason = text, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(dispute);
        events.Append(new QualityFindingDisputed(dispute.Id, score.Id, findingId), score.ConversationId);
        await db.SaveChangesAsync(cancellationToken);
        return QualityQueries.DisputeView(dispute, finding, score.CounsellorName);
    }

    public async Task<QualityDisputeView> ResolveAsync(Guid disputeId, string supervisorId, bool upheld, string? note, CancellationToken cancellationToken)
    {
        var dispute = await db.Set<QualityDispute>().FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken)
            ?? throw ProblemException.NotFound("이의 제기를 찾을 수 없습니다.");
        if (dispute.Status != DisputeStatus.Open)
        {
            throw ProblemException.Conflict("이미 처리된 이의 제기입니다.");
        }

        var score = await db.Set<QualityScore>().FirstAsync(s => s.Id == dispute.ScoreId, cancellationToken);
        var findings = await db.Set<QualityFindingRecord>().Where(f => f.ScoreId == score.Id).ToListAsync(cancellationToken);
        var finding = findings.First(f => f.Id == dispute.FindingId);
        dispute.Status = upheld ? DisputeStatus.Upheld : DisputeStatus.Rejected;
        dispute.ResolvedById = supervisorId;
        dispute.ResolvedAt = clock.GetUtcNow();
        dispute.Resolution = Trim(note);
        if (upheld)
        {
            finding.Passed = true;
            finding.Overturned = true;
            var scorer = await scorecards.ForVersionAsync(db, score.ScorecardVersion, cancellationToken) ?? QualityScorer.Default;
            var (scores, total) = scorer.Tally(findings.Select(f => (f.Item, f.Passed)));
            score.Set(scores, total);
        }

        events.Append(new QualityDisputeResolved(dispute.Id, score.Id, upheld, score.Total), score.ConversationId);
        await db.SaveChangesAsync(cancellationToken);
        return QualityQueries.DisputeView(dispute, finding, score.CounsellorName);
    }

    public async Task<QualityReviewView> ReviewAsync(Guid scoreId, string supervisorId, ReviewRequest request, CancellationToken cancellationToken)
    {
        int[] hand = [request.Greeting, request.Attitude, request.Handling, request.Reachability, request.Closing];
        if (hand.Any(s => s is < 0 or > 100))
        {
            throw ProblemException.Invalid("점수는 0~100이어야 합니다.");
        }

        var score = await db.Set<QualityScore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreId, cancellationToken)
            ?? throw ProblemException.NotFound("평가를 찾을 수 없습니다.");
        var review = new QualityReview
        {
            ScoreId = scoreId, ReviewerId = supervisorId, ReviewedAt = clock.GetUtcNow(),
            Greeting = request.Greeting, Attitude = request.Attitude, Handling = request.Handling, Reachability = request.Reachability,
            Closing = request.Closing, AutoGreeting = score.Greeting, AutoAttitude = score.Attitude, AutoHandling = score.Handling,
            AutoReachability = score.Reachability, AutoClosing = score.Closing, Note = Trim(request.Note),
        };
        db.Add(review);
        events.Append(new QualityReviewRecorded(review.Id, scoreId), score.ConversationId);
        await db.SaveChangesAsync(cancellationToken);
        return new QualityReviewView(review.Id, review.ReviewerId, review.ReviewedAt, review.Greeting, review.Attitude, review.Handling,
            review.Reachability, review.Closing, review.AutoGreeting, review.AutoAttitude, review.AutoHandling, review.AutoReachability,
            review.AutoClosing, review.Note);
    }

    private static string Required(string? text, string message)
    {
        var trimmed = Trim(text);
        return string.IsNullOrEmpty(trimmed) ? throw ProblemException.Invalid(message) : trimmed;
    }

    private static string? Trim(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: > QualityDispute.MaxTextLength })
        {
            throw ProblemException.Invalid($"{QualityDispute.MaxTextLength}자 이하로 적어 주세요.");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
