using Microsoft.EntityFrameworkCore;

namespace Minwon.Server.Data;

/// <summary>
/// Runs a unit of work again when another writer (a thread or another node) changed the same rows first.
/// Each attempt starts from a clean change tracker, so it re-reads what it decides on. An attempt fails (nearly) only because
/// another writer committed after it read, so N writers racing on one row all succeed within N attempts; the default
/// covers a burst of 32 (a citizen's retries plus the counsellor on one conversation).
/// </summary>
public static class ConcurrencyRetry
{
    public static async Task<T> RunAsync<T>(MinwonDbContext db, Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken, int maxAttempts = 32)
    {
        for (var i = 1; ; i++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await attempt(cancellationToken);
            }
            catch (DbUpdateException ex) when (i < maxAttempts && IsRetryable(ex))
            {
                await Task.Delay(Random.Shared.Next(2, Math.Min(100, 10 * i)), cancellationToken);
            }
        }
    }

    // A unique-index collision on a sequence number is the same race as a stale concurrency token; one on a client
    // message id is a concurrent retry of the same message, which the next attempt finds and returns.
    private static bool IsRetryable(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException?.Message.Contains("UNIQUE constraint failed: Messages.ConversationId, Messages.Seq", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("IX_Messages_ConversationId_Seq", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("UNIQUE constraint failed: Messages.ConversationId, Messages.ClientMessageId", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("IX_Messages_ConversationId_ClientMessageId", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("Cases.ReceiptNumber", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("IX_Cases_ReceiptNumber", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("AccessLog.Sequence", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("IX_AccessLog_Sequence", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("database is locked", StringComparison.Ordinal) == true;
}
