using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Assistant;

/// <summary>Records a counsellor's verdict on a suggested article, from the desk panel or the API.</summary>
public sealed class RecordFeedback(MinwonDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(Guid conversationId, string articleId, string agentId, bool useful, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(articleId) || articleId.Length > 200)
        {
            throw ProblemException.Invalid("articleId가 필요합니다.");
        }

        db.Add(new AssistantFeedback
        {
            ConversationId = conversationId, ArticleId = articleId, AgentId = agentId, Useful = useful, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
