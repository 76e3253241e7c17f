using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Conversations;

/// <param name="ExpectedWaitSeconds">Null when nobody can take the chat now: no wait is promised then.</param>
/// <param name="NobodyAvailable">Waiting, and no counsellor is available with a live connection: the page says so honestly.</param>
/// <param name="ReceiptNumber">The case's receipt number once the counsellor closed the conversation with a case (told to the citizen).</param>
/// <param name="EndReason">"protection" when the counsellor ended the chat under the abuse protocol; null otherwise.</param>
public sealed record ChatState(string Status, int? Position, int? ExpectedWaitSeconds, string? CounsellorName, int LastSeq,
    bool NobodyAvailable = false, string? ReceiptNumber = null, string? EndReason = null, string Language = "ko");

/// <summary>What the citizen's page shows above the chat: waiting place, expected wait, who is answering.</summary>
public sealed class GetChatState(MinwonDbContext db, TimeProvider clock)
{
    public async Task<ChatState> HandleAsync(string token, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, cancellationToken)
            ?? throw ProblemException.NotFound();
        int? position = null;
        int? expected = null;
        var nobody = false;
        if (conversation.Status is ConversationStatus.Queued or ConversationStatus.Offered && conversation.EnqueuedAt is { } at)
        {
            var ahead = await db.Set<Conversation>().CountAsync(c =>
                c.QueueId == conversation.QueueId
                && (c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered)
                && (c.Priority > conversation.Priority || c.Priority == conversation.Priority && c.EnqueuedAt < at), cancellationToken);
            position = ahead + 1;
            var now = clock.GetUtcNow();
            var available = await db.Set<Routing.AgentProfile>().AnswerableNow(db, now).CountAsync(cancellationToken);
            nobody = available == 0 && conversation.Status == ConversationStatus.Queued;
            expected = nobody ? null : await EstimateWaitAsync(conversation.QueueId, position.Value, available, cancellationToken);
        }

        string? counsellor = null;
        if (conversation.AssignedToId is { } agentId)
        {
            counsellor = await db.Set<Routing.AgentProfile>().Where(a => a.UserId == agentId)
                .Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        string? receipt = null, reason = null;
        if (conversation.Status is ConversationStatus.Closed or ConversationStatus.WrapUp or ConversationStatus.Abandoned)
        {
            var record = await db.Set<Cases.Case>().AsNoTracking().Where(c => c.ConversationId == conversation.Id)
                .OrderByDescending(c => c.CreatedAt).Select(c => new { c.ReceiptNumber, c.Disposition }).FirstOrDefaultAsync(cancellationToken);
            receipt = record?.ReceiptNumber;
            reason = record?.Disposition == Cases.CaseDisposition.AbuseEnded ? "protection" : null;
        }

        return new ChatState(conversation.Status.ToString().ToLowerInvariant(), position, expected, counsellor, conversation.LastSeq, nobody,
            receipt, reason, conversation.Language);
    }

    // Recent average speed of answer in this queue times the place in line, divided by the counsellors taking chats now
    // (available and connected).
    private async Task<int> EstimateWaitAsync(int? queueId, int position, int available, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        var answered = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.QueueId == queueId && c.AnsweredAt != null && c.FirstEnqueuedAt != null && c.AnsweredAt > since)
            .Select(c => new { c.FirstEnqueuedAt, c.AnsweredAt })
            .Take(200)
            .ToListAsync(cancellationToken);
        var average = answered.Count == 0 ? 60 : answered.Average(a => (a.AnsweredAt!.Value - a.FirstEnqueuedAt!.Value).TotalSeconds);
        return (int)Math.Ceiling(Math.Max(10, average) * position / Math.Max(1, available));
    }
}
