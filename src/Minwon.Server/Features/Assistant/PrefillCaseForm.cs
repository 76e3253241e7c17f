using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Assistant;
using Minwon.Core.Conversations;
using Minwon.Core.Reference;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Assistant;

/// <summary>
/// "민원 기록에 채우기": the case-form fields read off the citizen's own words, the vehicle plate and the address
/// included (issue 9 item 10). Masking hides them in every stored message and on every screen, so they are read from
/// the encrypted originals, only for the counsellor holding the conversation or a supervisor, and each use is written to
/// the access log like "원문 보기". The summary the case is closed with is masked again when it is stored.
/// </summary>
public sealed class PrefillCaseForm(MinwonDbContext db, TextGuard guard, AccessLog log, CityClock cityClock)
{
    public const string Action = "case-prefill";

    private const int RecentCitizenMessages = 30;

    /// <returns>The suggestion, or null when the caller may not see this conversation's originals.</returns>
    public async Task<FormSuggestion?> HandleAsync(Guid conversationId, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !(user.SeesWholeCenter() || conversation.AssignedToId == user.Id()))
        {
            return null;
        }

        var lines = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Citizen
                && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Speech) && m.Abuse == "none")
            .OrderByDescending(m => m.Seq).Take(RecentCitizenMessages)
            .Select(m => new { m.Body, m.ProtectedOriginal }).ToListAsync(ct);
        if (lines.Any(l => l.ProtectedOriginal is not null))
        {
            var role = StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
            await log.AppendAsync(new AccessRecord(user.Id(), role, address, $"conversation:{conversationId}", Action), ct);
        }

        var texts = lines.Select(l => l.ProtectedOriginal is { } p ? guard.Unprotect(p) : l.Body).Reverse();
        var text = string.Join(' ', new[] { conversation.Topic }.OfType<string>().Concat(texts));
        var form = CaseFormExtractor.Extract(text, cityClock.Today);
        var code = form.District is { } d && SeoulPlaces.Instance.Codes.TryGetValue(d, out var c) ? c : null;
        return new FormSuggestion(code, form.District, form.Dong, form.Address, form.Dates, form.VehiclePlates);
    }
}
