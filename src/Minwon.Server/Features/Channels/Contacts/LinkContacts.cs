using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Contacts;

/// <summary>The other contact by its id, or by the phone number or e-mail address the citizen gave (exactly one of the three).</summary>
public sealed record LinkContactRequest(Guid? OtherContactId, string? Phone, string? Email, string? Reason);

public sealed record ContactLinkDto(long Id, Guid ContactId, Guid LinkedContactId, string LinkedBy, DateTimeOffset LinkedAt, string? Reason,
    string? UndoneBy, DateTimeOffset? UndoneAt);

/// <summary>
/// A counsellor serving a citizen (or a supervisor) records, after checking with the citizen, that another contact is the
/// same person, and can undo it. Both are written to the access log first (the link opens that contact's history to
/// whoever serves either contact), then stored; an undo keeps the row as the record. A link refused after its entry (the
/// same pair linked by someone else at that instant) gets a second entry, <see cref="RefusedAction"/>.
/// </summary>
public sealed class LinkContacts(MinwonDbContext db, AccessLog log, TextGuard guard, TimeProvider clock)
{
    public const int MaxReasonLength = 300;

    /// <summary>The access-log action after a "link" entry whose link lost the race to the same pair's link (409).</summary>
    public const string RefusedAction = "link-refused";

    public async Task<ContactLinkDto> LinkAsync(Guid contactId, LinkContactRequest request, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw ProblemException.Invalid("reason: 무엇으로 같은 시민임을 확인했는지 적어 주세요 (예: 생년월일과 이전 접수번호 확인).");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw ProblemException.Invalid($"reason: {MaxReasonLength}자 이하로 적어 주세요.");
        }

        var given = (request.OtherContactId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(request.Phone) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(request.Email) ? 0 : 1);
        if (given != 1)
        {
            throw ProblemException.Invalid("otherContactId, phone, email 중 하나만 주세요.");
        }

        await RequireServedAsync(contactId, user, ct);
        var other = await FindOtherAsync(request, ct) ?? throw ProblemException.NotFound("연결할 연락처를 찾을 수 없습니다.");
        if (other == contactId)
        {
            throw ProblemException.Invalid("otherContactId: 같은 연락처끼리는 연결할 수 없습니다.");
        }

        var set = await ContactHistory.LinkedSetAsync(db, contactId, ct);
        if (set.Contains(other))
        {
            throw ProblemException.Conflict("이미 같은 시민으로 연결된 연락처입니다.");
        }

        if (set.Count + (await ContactHistory.LinkedSetAsync(db, other, ct)).Count > ContactHistory.MaxContacts)
        {
            throw ProblemException.Conflict($"한 시민에게는 연락처를 {ContactHistory.MaxContacts}개까지 연결할 수 있습니다.");
        }

        var masked = guard.Mask(reason);
        await log.AppendAsync(new AccessRecord(user.Id(), RoleOf(user), address, $"contact:{contactId}", "link",
            Clip($"{other}: {masked}")), ct);
        var link = new ContactLink
        {
            ContactId = contactId, LinkedContactId = other, LinkedBy = user.Id(), LinkedAt = clock.GetUtcNow(), Reason = masked,
            PairKey = ContactLink.PairOf(contactId, other),
        };
        db.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ConcurrencyRetry.IsUniqueViolation(ex, out var constraint)
            && constraint is null or ContactLink.ActivePairIndex)
        {
            // Another counsellor linked the same pair between our check and our insert: theirs is the link. The access log
            // is appended first and never rewritten, so our "link" entry stays; the entry after it says that this link
            // was not stored, so the log never shows a link (an opened history) that does not exist.
            await log.AppendAsync(new AccessRecord(user.Id(), RoleOf(user), address, $"contact:{contactId}", RefusedAction,
                $"{other}: linked by another at the same time"), ct);
            throw ProblemException.Conflict("이미 같은 시민으로 연결된 연락처입니다.");
        }

        return ToDto(link);
    }

    public async Task<ContactLinkDto> UndoAsync(Guid contactId, Guid otherContactId, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        await RequireServedAsync(contactId, user, ct);
        var found = await db.Set<ContactLink>().AsNoTracking().Where(l => l.UndoneAt == null
                && ((l.ContactId == contactId && l.LinkedContactId == otherContactId) || (l.ContactId == otherContactId && l.LinkedContactId == contactId)))
            .OrderBy(l => l.Id).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("연결을 찾을 수 없습니다 (이미 해제되었거나 연결된 적이 없습니다).");
        await log.AppendAsync(new AccessRecord(user.Id(), RoleOf(user), address, $"contact:{contactId}", "unlink",
            $"{otherContactId}: link {found.Id}"), ct);
        // The log appends in a unit of work of its own (it clears the change tracker), so the row is read again to change it.
        var link = await db.Set<ContactLink>().FirstAsync(l => l.Id == found.Id, ct);
        link.UndoneBy = user.Id();
        link.UndoneAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(link);
    }

    /// <summary>Someone not serving the citizen gets the same answer as for an unknown contact.</summary>
    private async Task RequireServedAsync(Guid contactId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.ServesContactAsync(user, contactId, ct) || !await db.Set<Contact>().AnyAsync(c => c.Id == contactId, ct))
        {
            throw ProblemException.NotFound("연락처를 찾을 수 없습니다.");
        }
    }

    private async Task<Guid?> FindOtherAsync(LinkContactRequest request, CancellationToken ct)
    {
        if (request.OtherContactId is { } id)
        {
            return await db.Set<Contact>().Where(c => c.Id == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        }

        string key;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (request.Phone.Length > 20 || ContactKeys.PhoneDigits(request.Phone).Length is < 8 or > 12)
            {
                throw ProblemException.Invalid("phone: 전화번호가 아닙니다 (예: 010-1234-5678).");
            }

            key = ContactKeys.Phone(request.Phone);
        }
        else
        {
            var email = request.Email!.Trim();
            if (email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@'))
            {
                throw ProblemException.Invalid("email: 이메일 주소가 아닙니다.");
            }

            key = ContactKeys.Email(email);
        }

        return await db.Set<Contact>().Where(c => c.ExternalKey == key).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    private static string RoleOf(ClaimsPrincipal user) => StaffRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";

    /// <summary>The access log's reason column holds 200 characters.</summary>
    private static string Clip(string text) => text.Length <= 200 ? text : text[..199] + "…";

    public static ContactLinkDto ToDto(ContactLink l) =>
        new(l.Id, l.ContactId, l.LinkedContactId, l.LinkedBy, l.LinkedAt, l.Reason, l.UndoneBy, l.UndoneAt);
}
