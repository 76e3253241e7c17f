using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// Least access: a counsellor sees the conversations offered or assigned to them and the history of the citizens
/// they are serving now; supervisors and admins see the whole center.
/// </summary>
public static class ConversationAccess
{
    public static IQueryable<Conversation> Visible(this IQueryable<Conversation> query, ClaimsPrincipal user)
    {
        if (user.SeesWholeCenter())
        {
            return query;
        }

        var me = user.Id();
        return query.Where(c => c.AssignedToId == me || c.OfferedToId == me);
    }

    /// <summary>Conversations that occupy a counsellor now: assigned to them, or offered and not yet answered.</summary>
    public static IQueryable<Conversation> ActiveFor(this IQueryable<Conversation> query, string agentId) =>
        query.Where(c => (c.AssignedToId == agentId && c.Status == ConversationStatus.Assigned)
            || (c.OfferedToId == agentId && c.Status == ConversationStatus.Offered));

    public static async Task<bool> ServesContactAsync(this MinwonDbContext db, ClaimsPrincipal user, Guid contactId, CancellationToken ct)
    {
        if (user.SeesWholeCenter())
        {
            return true;
        }

        var me = user.Id();
        return await db.Set<Conversation>().AnyAsync(c => c.ContactId == contactId
            && (c.AssignedToId == me && (c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.WrapUp)
                || c.OfferedToId == me && c.Status == ConversationStatus.Offered), ct);
    }

    public static async Task<bool> CanViewAsync(this MinwonDbContext db, ClaimsPrincipal user, Conversation conversation, CancellationToken ct) =>
        user.SeesWholeCenter()
        || conversation.AssignedToId == user.Id() || conversation.OfferedToId == user.Id()
        || await db.ServesContactAsync(user, conversation.ContactId, ct)
        // An interpreter the counsellor added (issue 16) reads the conversation while they are in it.
        || await db.Set<Interpreting.ConversationInterpreter>().AnyAsync(i => i.ConversationId == conversation.Id && i.InterpreterId == user.Id()
            && i.LeftAt == null, ct);
}
