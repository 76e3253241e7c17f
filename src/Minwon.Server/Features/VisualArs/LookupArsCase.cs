using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;

namespace Minwon.Server.Features.VisualArs;

public sealed record ArsCaseStatus(string ReceiptNumber, string FormId, DateTimeOffset CreatedAt, CaseDisposition Disposition, DateTimeOffset? ClosedAt);

/// <summary>
/// A citizen looks up a filed request: by receipt number and the phone's last four digits together, or by the
/// token in their confirmation link. A miss says nothing about which part was wrong.
/// </summary>
public sealed class LookupArsCase(MinwonDbContext db)
{
    public async Task<ArsCaseStatus?> ByReceiptAsync(string? receipt, string? last4, CancellationToken cancellationToken)
    {
        receipt = receipt?.Trim();
        last4 = last4?.Trim();
        if (receipt is not { Length: > 0 and <= 32 } || last4 is not { Length: 4 } || !last4.All(char.IsAsciiDigit))
        {
            return null;
        }

        var submission = await db.Set<ArsSubmission>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.ReceiptNumber == receipt && s.PhoneLast4 == last4, cancellationToken);
        return submission is null ? null : await StatusAsync(submission, cancellationToken);
    }

    public async Task<ArsCaseStatus?> ByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: >= 20 and <= 64 })
        {
            return null;
        }

        var submission = await db.Set<ArsSubmission>().AsNoTracking().FirstOrDefaultAsync(s => s.LookupToken == token, cancellationToken);
        return submission is null ? null : await StatusAsync(submission, cancellationToken);
    }

    private async Task<ArsCaseStatus?> StatusAsync(ArsSubmission submission, CancellationToken cancellationToken)
    {
        var record = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == submission.CaseId, cancellationToken);
        return record is null ? null
            : new ArsCaseStatus(submission.ReceiptNumber, submission.FormId, submission.CreatedAt, record.Disposition, record.ClosedAt);
    }
}
