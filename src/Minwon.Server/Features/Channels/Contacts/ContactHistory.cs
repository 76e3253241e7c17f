using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Contacts;

public sealed record LinkedContactDto(Guid ContactId, string KeyKind, string? LinkedBy, DateTimeOffset? LinkedAt, string? Reason, bool Direct);

public sealed record HistoryConversationDto(Guid ConversationId, Guid ContactId, bool FromLinkedContact, string Channel, string ChannelLabel,
    string ChannelIcon, string Status, string? Topic, DateTimeOffset CreatedAt, string? ReceiptNumber);

public sealed record ContactHistoryDto(Guid ContactId, List<LinkedContactDto> Linked, List<HistoryConversationDto> Conversations);

/// <summary>
/// A citizen's history from every channel: the conversations of the contact and of every contact linked to it (directly
/// or through another link, up to <see cref="MaxContacts"/>), newest first, each with its channel.
/// </summary>
public sealed class ContactHistory(MinwonDbContext db)
{
    public const int MaxContacts = 20;
    public const int MaxConversations = 50;

    public async Task<ContactHistoryDto> ReadAsync(Guid contactId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.ServesContactAsync(user, contactId, ct) || !await db.Set<Contact>().AnyAsync(c => c.Id == contactId, ct))
        {
            throw ProblemException.NotFound("연락처를 찾을 수 없습니다.");
        }

        var set = await LinkedSetAsync(db, contactId, ct);
        var ids = set.ToList();
        var direct = await db.Set<ContactLink>().AsNoTracking()
            .Where(l => l.UndoneAt == null && (l.ContactId == contactId || l.LinkedContactId == contactId)).ToListAsync(ct);
        var keys = await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ExternalKey }).ToDictionaryAsync(c => c.Id, c => c.ExternalKey, ct);
        var linked = ids.Where(id => id != contactId).Select(id =>
        {
            var link = direct.FirstOrDefault(l => l.ContactId == id || l.LinkedContactId == id);
            return new LinkedContactDto(id, ChannelBadges.KeyKind(keys.GetValueOrDefault(id, "")), link?.LinkedBy, link?.LinkedAt, link?.Reason,
                link is not null);
        }).ToList();

        var conversations = await db.Set<Conversation>().AsNoTracking().Where(c => ids.Contains(c.ContactId))
            .OrderByDescending(c => c.CreatedAt).Take(MaxConversations).ToListAsync(ct);
        var conversationIds = conversations.Select(c => (Guid?)c.Id).ToList();
        var receipts = (await db.Set<Case>().AsNoTracking().Where(c => conversationIds.Contains(c.ConversationId))
                .Select(c => new { c.ConversationId, c.ReceiptNumber }).ToListAsync(ct))
            .GroupBy(c => c.ConversationId!.Value).ToDictionary(g => g.Key, g => g.First().ReceiptNumber);
        return new ContactHistoryDto(contactId, linked, conversations.Select(c => new HistoryConversationDto(c.Id, c.ContactId,
            c.ContactId != contactId, c.Channel, ChannelBadges.Label(c.Channel), ChannelBadges.Icon(c.Channel),
            c.Status.ToString().ToLowerInvariant(), c.Topic, c.CreatedAt, receipts.GetValueOrDefault(c.Id))).ToList());
    }

    /// <summary>The contact and every contact reachable from it through links not undone (breadth first, at most <see cref="MaxContacts"/>).</summary>
    public static async Task<HashSet<Guid>> LinkedSetAsync(MinwonDbContext db, Guid contactId, CancellationToken ct)
    {
        var seen = new HashSet<Guid> { contactId };
        var frontier = new List<Guid> { contactId };
        while (frontier.Count > 0 && seen.Count < MaxContacts)
        {
            var current = frontier;
            var pairs = await db.Set<ContactLink>().AsNoTracking()
                .Where(l => l.UndoneAt == null && (current.Contains(l.ContactId) || current.Contains(l.LinkedContactId)))
                .Select(l => new { l.ContactId, l.LinkedContactId }).ToListAsync(ct);
            frontier = [];
            foreach (var id in pairs.SelectMany(p => new[] { p.ContactId, p.LinkedContactId }))
            {
                if (seen.Count < MaxContacts && seen.Add(id))
                {
                    frontier.Add(id);
                }
            }
        }

        return seen;
    }
}
