using Microsoft.EntityFrameworkCore;
using Minwon.Core.Quality;
using Minwon.Server.Data;
using Minwon.Server.Features.Quality.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Scores one finished consultation with the active scorecard and stores the score and its findings (evidence is
/// the masked text as stored). A consultation is scored once: a second call for it returns the existing score.
/// The entry point for every channel; <see cref="Add"/> only adds the score, its findings and a
/// <see cref="ConsultationScored"/> event to the caller's unit of work.
/// </summary>
public sealed class ScoreConsultation(MinwonDbContext db, EventLog events, ScorecardStore scorecards, TimeProvider clock)
{
    public async Task<QualityScore> HandleAsync(ConsultationForScoring consultation, CancellationToken cancellationToken)
    {
        var existing = await db.Set<QualityScore>().AsNoTracking().FirstOrDefaultAsync(s => s.ConversationId == consultation.ConversationId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var score = await AddAsync(consultation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return score;
    }

    /// <summary>Scores and adds the rows without saving, so a batch and its cursor commit together.</summary>
    public async Task<QualityScore> AddAsync(ConsultationForScoring consultation, CancellationToken cancellationToken)
    {
        var scorer = await scorecards.ActiveAsync(db, cancellationToken);
        return Add(consultation, scorer);
    }

    public QualityScore Add(ConsultationForScoring consultation, QualityScorer scorer)
    {
        var result = scorer.Score(consultation.ToRecord());
        var score = new QualityScore
        {
            ConversationId = consultation.ConversationId,
            CaseId = consultation.CaseId,
            ReceiptNumber = consultation.ReceiptNumber,
            CounsellorId = consultation.CounsellorId,
            CounsellorName = consultation.CounsellorName,
            Team = consultation.Team,
            Channel = consultation.Channel == ConsultationChannel.Phone ? "phone" : "chat",
            ClosedAt = consultation.ClosedAt,
            ScoredAt = clock.GetUtcNow(),
            ScorecardVersion = result.ScorecardVersion,
            Turns = consultation.Turns.Count,
            QueueSeconds = consultation.QueueSeconds,
        };
        score.Set(result.Scores, result.Total);
        db.Add(score);
        foreach (var finding in result.Findings)
        {
            var evidence = finding.Evidence;
            db.Add(new QualityFindingRecord
            {
                ScoreId = score.Id,
                Area = finding.Area.WireName(),
                Item = finding.Item,
                Passed = finding.Passed,
                TurnIndex = finding.Turn,
                MessageSeq = finding.Turn is { } t && t < consultation.Turns.Count ? consultation.Turns[t].MessageSeq : null,
                Evidence = evidence is { Length: > QualityFindingRecord.MaxEvidenceLength } ? evidence[..QualityFindingRecord.MaxEvidenceLength] : evidence,
            });
        }

        events.Append(new ConsultationScored(score.Id, score.CaseId, score.ScorecardVersion, score.Total,
            Math.Min(Math.Min(score.Greeting, score.Attitude), Math.Min(Math.Min(score.Handling, score.Reachability), score.Closing))),
            score.ConversationId);
        return score;
    }
}
