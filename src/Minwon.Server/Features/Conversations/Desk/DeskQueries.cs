using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Reference;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations.Desk;

public sealed record DeskConversation(ConversationSummary Summary, string? ContactName, string? QueueName);

public sealed record DeskLookups(List<Category> Categories, List<District> Districts, List<ServiceQueue> Queues,
    List<AgentProfile> Agents, List<CannedResponse> Canned);

/// <summary>
/// Reads for the counsellor desk; every query is limited to what the counsellor may see. A singleton: each query opens
/// its own short-lived context, because a desk circuit lives for hours and live events arrive on other threads.
/// </summary>
public sealed class DeskQueries(IDbContextFactory<MinwonDbContext> contexts)
{
    public async Task<List<DeskConversation>> MineAsync(string agentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<Conversation>().AsNoTracking().Include(c => c.Contact)
            .Where(c => (c.OfferedToId == agentId && c.Status == ConversationStatus.Offered)
                || (c.AssignedToId == agentId && (c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.WrapUp)))
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
        return rows.Select(c => new DeskConversation(StaffConversationEndpoints.Summarize(c), c.Contact?.DisplayName,
            c.QueueId is { } q ? queues.GetValueOrDefault(q) : null)).ToList();
    }

    public async Task<List<MessageDto>> MessagesAsync(Guid conversationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Seq)
            .Take(1000)
            .Select(m => m.ToDto())
            .ToListAsync(ct);
    }

    public async Task<List<CaseDto>> HistoryAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Set<Case>().AsNoTracking().Where(c => c.ContactId == contactId)
            .OrderByDescending(c => c.CreatedAt).Take(20).ToListAsync(ct))
            .Select(StaffConversationEndpoints.ToDto).ToList();
    }

    public async Task<AgentProfile?> AgentAsync(string agentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<AgentProfile>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == agentId, ct);
    }

    public async Task<DeskLookups> LookupsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return new(
            await db.Set<Category>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct),
            await db.Set<District>().AsNoTracking().OrderBy(d => d.NameKo).ToListAsync(ct),
            await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct),
            await db.Set<AgentProfile>().AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct),
            await db.Set<CannedResponse>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct));
    }
}
