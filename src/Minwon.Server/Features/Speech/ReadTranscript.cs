using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech;

/// <summary>A conversation's transcript (masked) and whether it is being made now.</summary>
public sealed record TranscriptView(Guid ConversationId, string Status, IReadOnlyList<TranscriptLine> Lines);

/// <summary>Reads a call's transcript for the desk, the case view and the API; who may see the conversation may read it.</summary>
public sealed class ReadTranscript(MinwonDbContext db, TranscriptBoard board)
{
    public async Task<TranscriptView> HandleAsync(Guid conversationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null || !await db.CanViewAsync(user, conversation, cancellationToken))
        {
            throw ProblemException.NotFound();
        }

        return new TranscriptView(conversationId, board.StatusOf(conversationId), await LinesAsync(db, conversationId, cancellationToken));
    }

    public static async Task<List<TranscriptLine>> LinesAsync(MinwonDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TranscriptSegment>().AsNoTracking().Where(s => s.ConversationId == conversationId)
            .Join(db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == conversationId),
                s => s.MessageSeq, m => m.Seq, (s, m) => new { s, m })
            .OrderBy(x => x.m.Seq).Take(5000).ToListAsync(cancellationToken);
        return [.. rows.Select(x => TranscriptWriter.ToLine(x.m, x.s))];
    }
}
