using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Cases.Events;

namespace Minwon.Server.Features.Quality;

/// <summary>
/// Scores the consultation of one closed case (a <see cref="CaseClosed"/> event, delivered by <see cref="QualityConsumer"/>).
/// Idempotent, since delivery is at least once: a conversation that already has a score is passed over, and a unique
/// index on the conversation makes a second score impossible even if two deliveries raced. The score, its findings
/// and the ConsultationScored event are saved in one transaction.
/// </summary>
public sealed class ScoreClosedConsultations(MinwonDbContext db, ChatConsultations chats, ScoreConsultation score)
{
    /// <summary>What happened to one closed case.</summary>
    public enum Outcome
    {
        Scored,
        AlreadyScored,
        NoConsultation,
    }

    public async Task<Outcome> HandleAsync(CaseClosed closed, CancellationToken cancellationToken)
    {
        var record = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == closed.CaseId, cancellationToken);
        if (record?.ConversationId is not { } conversationId)
        {
            return Outcome.NoConsultation;
        }

        if (await db.Set<QualityScore>().AnyAsync(s => s.ConversationId == conversationId, cancellationToken))
        {
            return Outcome.AlreadyScored;
        }

        // A call without its transcript yet has no words to score (ChatConsultations); it is scored when speech stores it.
        if (await chats.LoadAsync(record, cancellationToken) is not { } consultation)
        {
            return Outcome.NoConsultation;
        }

        await score.AddAsync(consultation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Scored;
    }
}
