using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Conversations;

public sealed record ChatState(string Status, int? Position, int? ExpectedWaitSeconds, string? CounsellorName, int LastSeq);

/// <summary>What the citizen's page shows above the chat: waiting place, expected wait, who is answering.</summary>
public sealed class GetChatState(MinwonDbContext db, TimeProvider clock)
{
    public async Task<ChatState> HandleAsync(string token, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, cancellationToken)
            ?? throw ProblemException.NotFound();
        int? position = null;
        int? expected = null;
        if (conversation.Status is ConversationStatus.Queued or ConversationStatus.Offered && conversation.EnqueuedAt is { } at)
        {
            var ahead = await db.Set<Conversation>().CountAsync(c =>
                c.QueueId == conversation.QueueId
                && (c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered)
                && (c.Priority > conversation.Priority || c.Priority == conversation.Priority && c.EnqueuedAt < at), cancellationToken);
            position = ahead + 1;
            expected = await EstimateWaitAsync(conversation.QueueId, position.Value, cancellationToken);
        }

        string? counsellor = null;
        if (conversation.AssignedToId is { } agentId)
        {
            counsellor = await db.Set<Routing.AgentProfile>().Where(a => a.UserId == agentId)
                .Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        return new ChatState(conversation.Status.ToString().ToLowerInvariant(), position, expected, counsellor, conversation.LastSeq);
    }

    // Recent average speed of answer in this queue times the place in line, divided by counsellors taking chats.
    private async Task<int> EstimateWaitAsync(int? queueId, int position, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        var answered = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.QueueId == queueId && c.AnsweredAt != null && c.FirstEnqueuedAt != null && c.AnsweredAt > since)
            .Select(c => new { c.FirstEnqueuedAt, c.AnsweredAt })
            .Take(200)
            .ToListAsync(cancellationToken);
        var average = answered.Count == 0 ? 60 : answered.Average(a => (a.AnsweredAt!.Value - a.FirstEnqueuedAt!.Value).TotalSeconds);
        var available = await db.Set<Routing.AgentProfile>().CountAsync(a => a.Presence == Core.Routing.Presence.Available, cancellationToken);
        return (int)Math.Ceiling(Math.Max(10, average) * position / Math.Max(1, available));
    }
}
