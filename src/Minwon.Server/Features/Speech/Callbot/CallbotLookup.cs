using Microsoft.EntityFrameworkCore;
using Minwon.Core.Korean;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>What the callbot may tell a caller about a filed request: its state and when it was filed and closed.</summary>
public sealed record CallbotCaseStatus(string ReceiptNumber, CaseDisposition Disposition, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// The receipt-number lookup by voice: a request is told only to the number it was filed from, i.e. when the case
/// belongs to the calling number's contact, or was filed on the visual ARS with the calling number's last four digits.
/// A miss says nothing about which part was wrong (as the web lookup).
/// </summary>
public sealed class CallbotLookup(MinwonDbContext db)
{
    public async Task<CallbotCaseStatus?> ByReceiptAsync(Guid callId, string receipt, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId)
            .Select(c => new { c.CallerNumber, c.ConversationId }).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            return null;
        }

        var record = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.ReceiptNumber == receipt, ct);
        if (record is null)
        {
            return null;
        }

        var contact = call.ConversationId is { } conversationId
            ? await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == conversationId).Select(c => (Guid?)c.ContactId).FirstOrDefaultAsync(ct)
            : null;
        var sameContact = contact is { } id && record.ContactId == id;
        var last4 = call.CallerNumber is { } raw && KoreanPhone.TryNormalize(raw, out var phone)
            ? new string(phone.Where(char.IsAsciiDigit).ToArray())[^4..] : null;
        var sameDigits = last4 is not null
            && await db.Set<ArsSubmission>().AsNoTracking().AnyAsync(s => s.CaseId == record.Id && s.PhoneLast4 == last4, ct);
        return sameContact || sameDigits ? new CallbotCaseStatus(record.ReceiptNumber, record.Disposition, record.CreatedAt, record.ClosedAt) : null;
    }
}
