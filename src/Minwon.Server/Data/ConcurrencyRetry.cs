using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Minwon.Server.Data;

/// <summary>
/// Runs a unit of work again when another writer (a thread or another node) changed the same rows first.
/// Each attempt starts from a clean change tracker, so it re-reads what it decides on. An attempt fails (nearly) only because
/// another writer committed after it read, so N writers racing on one row all succeed within N attempts; the default
/// covers a burst of 32 (a citizen's retries plus the counsellor on one conversation).
/// </summary>
/// <remarks>
/// What counts as "another writer was first" is read from the provider's error codes, not from messages: a stale
/// concurrency token; a unique-key collision (the next per-conversation sequence number, a receipt number, a client
/// message id that a concurrent retry stored: the next attempt reads the winner's row and decides again); SQLite's
/// busy or locked database; PostgreSQL's serialization failure or deadlock. A use case whose unique key is a real
/// duplicate (not a race) checks for it first and answers with a problem, so retrying never loops on it.
/// </remarks>
public static class ConcurrencyRetry
{
    /// <param name="operation">Names the caller in the retry metric (<c>minwon.db.concurrency_retries</c>); by default its
    /// source file's name (PostMessage, ReceiveChannelMessage, ...), which the compiler fills in.</param>
    public static async Task<T> RunAsync<T>(MinwonDbContext db, Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken, int maxAttempts = 32, [System.Runtime.CompilerServices.CallerFilePath] string operation = "")
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
                Platform.Observability.MinwonMetrics.ConcurrencyRetried(OperationName(operation));
                await Task.Delay(Random.Shared.Next(2, Math.Min(100, 10 * i)), cancellationToken);
            }
        }
    }

    public static bool IsRetryable(DbUpdateException ex) => ex is DbUpdateConcurrencyException || ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked || s.SqliteExtendedErrorCode is SqliteUniqueViolation or SqlitePrimaryKeyViolation,
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    /// <summary>"PostMessage" from ".../Features/Conversations/PostMessage.cs" (either separator: the build may map paths).</summary>
    public static string OperationName(string callerFile) =>
        callerFile.Length == 0 ? "unknown" : Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/').Split('/')[^1]);

    /// <summary>A unique-key collision, with the constraint's name where the provider reports one (PostgreSQL does; SQLite names only columns).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex, out string? constraint)
    {
        (var unique, constraint) = ex.InnerException switch
        {
            SqliteException s => (s.SqliteExtendedErrorCode is SqliteUniqueViolation or SqlitePrimaryKeyViolation, null),
            PostgresException p => (p.SqlState == PostgresErrorCodes.UniqueViolation, p.ConstraintName),
            _ => (false, (string?)null),
        };
        return unique;
    }

    // sqlite3.h: SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_CONSTRAINT_PRIMARYKEY (19 | 6 << 8), SQLITE_CONSTRAINT_UNIQUE (19 | 8 << 8).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteUniqueViolation = 2067;
}
