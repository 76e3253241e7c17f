using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.TextSafety;

/// <summary>
/// Shows the unmasked original of a message to the counsellor serving that conversation or to a supervisor,
/// after writing the access-log entry. Anyone else gets nothing, as if the message did not exist.
/// </summary>
public sealed class RevealOriginal(MinwonDbContext db, TextGuard guard, AccessLog log)
{
    public async Task<string?> HandleAsync(Guid conversationId, int seq, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !(user.SeesWholeCenter() || conversation.AssignedToId == user.Id()))
        {
            return null;
        }

        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Seq == seq, ct);
        if (message is null)
        {
            return null;
        }

        var role = StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
        await log.AppendAsync(new AccessRecord(user.Id(), role, address, $"message:{conversationId}/{seq}", "reveal"), ct);
        return message.ProtectedOriginal is { } p ? guard.Unprotect(p) : message.Body;
    }
}
