using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// Routing rules for calls (sign-language video counts as a call): a counsellor on a call (offered or answered) takes no second call, and holds at most
/// Minwon:Voice:ChatsDuringCall chats beside it.
/// </summary>
public static class VoiceCapacity
{
    public static async Task<HashSet<string>> OnCallAsync(MinwonDbContext db, CancellationToken ct) =>
        (await db.Set<Conversation>().AsNoTracking()
            .Where(c => (c.Channel == Channels.Phone || c.Channel == Channels.WebCall || c.Channel == Channels.Video)
                && (c.Status == ConversationStatus.Assigned && c.AssignedToId != null || c.Status == ConversationStatus.Offered && c.OfferedToId != null))
            .Select(c => c.Status == ConversationStatus.Assigned ? c.AssignedToId! : c.OfferedToId!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>How many contacts in all the counsellor may hold: the call plus the chats allowed beside it.</summary>
    public static int ChatCapacity(int maxConcurrent, bool onCall, int chatsDuringCall) =>
        onCall ? Math.Min(maxConcurrent, 1 + chatsDuringCall) : maxConcurrent;
}
