using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Cases;

/// <summary>
/// Receipt numbers (접수번호) read as Seoul date and a daily counter: 2026-1128-000042, the format of
/// CloseConversation. Shared so every way of filing a case numbers the same; a unique index resolves races.
/// </summary>
public static class ReceiptNumbers
{
    public static async Task<string> NextAsync(MinwonDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        var prefix = $"{local:yyyy}-{local:MMdd}-";
        var last = await db.Set<Case>().Where(c => c.ReceiptNumber.StartsWith(prefix))
            .OrderByDescending(c => c.ReceiptNumber).Select(c => c.ReceiptNumber).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{next:D6}";
    }
}
