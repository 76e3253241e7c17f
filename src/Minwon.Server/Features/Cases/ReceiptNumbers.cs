using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Cases;

/// <summary>
/// Receipt numbers (접수번호) read as the city's date and a daily counter: 2026-1128-000042. The unique index on
/// <see cref="Case.ReceiptNumber"/> turns a race between two writers into a retry.
/// </summary>
public static class ReceiptNumbers
{
    /// <param name="day">The city's day (<see cref="Platform.CityClock.DayOf"/>).</param>
    public static async Task<string> NextAsync(MinwonDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = $"{day:yyyy}-{day:MMdd}-";
        var last = await db.Set<Case>().Where(c => c.ReceiptNumber.StartsWith(prefix))
            .OrderByDescending(c => c.ReceiptNumber).Select(c => c.ReceiptNumber).FirstOrDefaultAsync(ct);
        var pending = db.ChangeTracker.Entries<Case>().Select(e => e.Entity.ReceiptNumber).Where(r => r.StartsWith(prefix, StringComparison.Ordinal));
        var highest = pending.Append(last ?? prefix + "000000").Max(StringComparer.Ordinal)!;
        var next = int.Parse(highest[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{next:D6}";
    }
}
