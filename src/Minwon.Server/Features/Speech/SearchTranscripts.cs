using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech;

/// <summary>A transcript line that matched a search, with the case it belongs to when one was filed.</summary>
public sealed record TranscriptHit(Guid ConversationId, int Seq, string Speaker, string Text, DateTimeOffset CreatedAt, string? ReceiptNumber);

/// <summary>
/// Supervisors search call transcripts by words in the stored (masked) text, newest first: a masked number can never
/// be found by its digits, as in chat. A plain substring match, not the knowledge index: transcripts are short and the
/// database filters them by kind first.
/// </summary>
public sealed class SearchTranscripts(MinwonDbContext db)
{
    public const int MaxQueryLength = 100;

    public async Task<List<TranscriptHit>> HandleAsync(string? q, int? take, CancellationToken cancellationToken)
    {
        var text = q?.Trim() ?? "";
        if (text.Length is 0 or > MaxQueryLength)
        {
            throw ProblemException.Invalid($"q는 1자 이상 {MaxQueryLength}자 이하여야 합니다.");
        }

        if (take is < 1 or > 200)
        {
            throw ProblemException.Invalid("take는 1에서 200 사이여야 합니다.");
        }

        var rows = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Kind == MessageKind.Speech && m.Body.Contains(text))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Seq)
            .Take(take ?? 50)
            .Select(m => new
            {
                m.ConversationId, m.Seq, m.Sender, m.Body, m.CreatedAt,
                Receipt = db.Set<Case>().Where(c => c.ConversationId == m.ConversationId).Select(c => c.ReceiptNumber).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TranscriptHit(r.ConversationId, r.Seq, r.Sender == MessageSender.Citizen ? "citizen" : "counsellor",
            r.Body, r.CreatedAt, r.Receipt))];
    }
}
