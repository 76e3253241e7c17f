using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.TextSafety;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

/// <summary>
/// The one path that adds messages to a conversation: inside the caller's unit of work, each with its <see cref="MessageSent"/>
/// event, numbered from <see cref="Conversation.NextSeq"/> under the conversation's write lock.
/// </summary>
/// <remarks>
/// A writer runs its unit of work through <see cref="WriteAsync{T}"/> (a transaction, retried by <see cref="ConcurrencyRetry"/>)
/// and loads the conversation with <see cref="LoadForWriteAsync(Guid?, CancellationToken)"/>: on PostgreSQL that takes the
/// conversation's row lock (<c>SELECT … FOR UPDATE</c>, held until commit) before its <c>LastSeq</c> is read, so concurrent
/// writers of any kind (posts, the bot, counsellor actions, transcripts, channel inbound, notices) on any node wait for each
/// other and number 1, 2, 3 … instead of colliding and running again. On SQLite the transaction is <c>BEGIN IMMEDIATE</c>
/// (Microsoft.Data.Sqlite's default), which takes the database's one write lock before the read: the same guarantee.
/// <see cref="Append"/> refuses a conversation that was not loaded that way (a new conversation, not yet stored, needs no
/// lock), so a writer that bypasses the lock fails in tests instead of retrying in production. The unique
/// (ConversationId, Seq) index and the concurrency token stay as the guards.
/// </remarks>
public sealed class ConversationJournal(MinwonDbContext db, EventLog events, TimeProvider clock)
{
    private readonly HashSet<Guid> locked = [];

    /// <summary>
    /// Runs a unit of work that writes to conversations in one transaction, again from a clean change tracker when another
    /// writer was first (<see cref="ConcurrencyRetry"/>). The attempt saves its changes; this commits them. Inside a
    /// transaction the caller already holds (a consumer's batch) it runs once, in that transaction.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerFilePath] string operation = "")
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return attempt(cancellationToken);
        }

        return ConcurrencyRetry.RunAsync(db, async ct =>
        {
            locked.Clear();
            // No savepoint around each SaveChanges (EF's default inside a transaction): they were two more round trips per
            // chat message, and a failed attempt is rolled back whole and run again from a clean change tracker anyway.
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await using var transaction = await BeginAsync(ct);
                var result = await attempt(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
                locked.Clear();
            }
        }, cancellationToken, operation: operation);
    }

    /// <summary>
    /// Loads a stored conversation for writing, tracked, after taking its write lock (PostgreSQL: the row lock; SQLite: the
    /// transaction already holds the database's write lock); null when none matches. Only inside <see cref="WriteAsync{T}"/> or
    /// a caller's transaction.
    /// </summary>
    /// <remarks>The id is given: no statement looks it up first (a round trip per chat message; docs/benchmarks/load.md).</remarks>
    public Task<Conversation?> LoadForWriteAsync(Guid? conversationId, CancellationToken cancellationToken)
    {
        RequireTransaction();
        return conversationId is { } id ? LockAndReadAsync(id, cancellationToken) : Task.FromResult<Conversation?>(null);
    }

    /// <summary>
    /// The conversation of a citizen's token, loaded for writing as above. On PostgreSQL the lookup, the row lock and the read
    /// are one statement (<c>… WHERE "Token" = … FOR UPDATE</c>; the token is unique), where they were two per message.
    /// </summary>
    public Task<Conversation?> LoadForWriteByTokenAsync(string token, CancellationToken cancellationToken)
    {
        RequireTransaction();
        // SQLite holds the database's write lock already; a unit of work that tracks a conversation needs it read again.
        return db.Database.IsNpgsql() && !db.ChangeTracker.Entries<Conversation>().Any()
            ? SelectForUpdateAsync(db.Set<Conversation>().FromSql($"""SELECT * FROM "Conversations" WHERE "Token" = {token} FOR UPDATE"""), cancellationToken)
            : LoadForWriteAsync(c => c.Token == token, cancellationToken);
    }

    /// <inheritdoc cref="LoadForWriteAsync(Guid?, CancellationToken)"/>
    public Task<Conversation?> LoadForWriteAsync(System.Linq.Expressions.Expression<Func<Conversation, bool>> which, CancellationToken cancellationToken) =>
        LoadForWriteAsync(db.Set<Conversation>().Where(which), cancellationToken);

    /// <summary>The first conversation of <paramref name="query"/> (its own order), loaded for writing as above.</summary>
    public async Task<Conversation?> LoadForWriteAsync(IQueryable<Conversation> query, CancellationToken cancellationToken)
    {
        RequireTransaction();
        if (!db.Database.IsNpgsql())
        {
            // SQLite: the transaction holds the database's write lock since it began, so the query is read once, as it is (a
            // lookup of the id and a read by id were two statements per citizen message). An instance this unit of work
            // already tracked comes back with the values it had, and is read again.
            var tracked = db.ChangeTracker.Entries<Conversation>().Select(e => e.Entity).ToHashSet();
            var conversation = await query.FirstOrDefaultAsync(cancellationToken);
            if (conversation is not null && tracked.Contains(conversation))
            {
                await db.Entry(conversation).ReloadAsync(cancellationToken);
            }

            return Locked(conversation);
        }

        var id = await query.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await LockAndReadAsync(found, cancellationToken) : null;
    }

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A conversation is loaded for writing only inside ConversationJournal.WriteAsync or a caller's transaction.");
        }
    }

    private async Task<Conversation?> LockAndReadAsync(Guid found, CancellationToken cancellationToken)
    {
        // Read after the lock; an instance this unit of work already tracked is read again, or its LastSeq could be stale.
        var tracked = db.ChangeTracker.Entries<Conversation>().FirstOrDefault(e => e.Entity.Id == found);
        if (db.Database.IsNpgsql() && tracked is null)
        {
            // The lock and the read in one round trip (they were two, for every chat message; docs/load.md).
            return await SelectForUpdateAsync(db.Set<Conversation>().FromSql($"""SELECT * FROM "Conversations" WHERE "Id" = {found} FOR UPDATE"""),
                cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Conversations" WHERE "Id" = {found} FOR UPDATE""", cancellationToken);
        }

        if (tracked is not null)
        {
            await tracked.ReloadAsync(cancellationToken);
        }

        return Locked(tracked?.Entity ?? await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == found, cancellationToken));
    }

    /// <summary>Runs a <c>SELECT * … FOR UPDATE</c> of at most one conversation (a unique key) as it is and marks it locked.</summary>
    private async Task<Conversation?> SelectForUpdateAsync(IQueryable<Conversation> forUpdate, CancellationToken cancellationToken) =>
        Locked((await forUpdate.ToListAsync(cancellationToken)).FirstOrDefault());

    private Conversation? Locked(Conversation? conversation)
    {
        if (conversation is not null)
        {
            locked.Add(conversation.Id);
        }

        return conversation;
    }

    public Message Append(Conversation conversation, MessageKind kind, MessageSender sender, string body,
        string? senderId = null, string? senderName = null, string? clientMessageId = null, SafeText? safe = null)
    {
        if (!locked.Contains(conversation.Id) && db.Entry(conversation).State != EntityState.Added)
        {
            throw new InvalidOperationException(
                "A message is numbered only under its conversation's lock: load the conversation with ConversationJournal.LoadForWriteAsync inside WriteAsync.");
        }

        var message = new Message
        {
            ConversationId = conversation.Id,
            Seq = conversation.NextSeq(),
            Kind = kind,
            Sender = sender,
            SenderId = senderId,
            SenderName = senderName,
            ClientMessageId = clientMessageId,
            Body = safe?.Masked ?? body,
            ProtectedOriginal = safe?.ProtectedOriginal,
            Abuse = safe?.Abuse ?? "none",
            AbuseScore = safe?.AbuseScore ?? 0,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(message);
        events.Append(new MessageSent(message.Seq, kind, sender,
            AbuseLabels.TryParse(message.Abuse, out var label) ? label : AbuseLabel.None), conversation.Id);
        return message;
    }

    public Message AppendEvent(Conversation conversation, string text) =>
        Append(conversation, MessageKind.Event, MessageSender.System, text);

    /// <summary>Adds one system line to a stored conversation in a unit of work of its own (under the lock) and returns it, saved.</summary>
    public Task<Message> AppendEventAsync(Guid conversationId, string text, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerFilePath] string operation = "") =>
        WriteAsync(async ct =>
        {
            var conversation = await LoadForWriteAsync(conversationId, ct) ?? throw Platform.ProblemException.NotFound();
            var message = AppendEvent(conversation, text);
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken, operation);

    /// <summary>Writes a conversation's event in the same unit of work.</summary>
    public void Record(IEvent e, Conversation conversation) => events.Append(e, conversation.Id);

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        try
        {
            return await db.Database.BeginTransactionAsync(ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED taking the write lock: another writer held it past busy_timeout; run again.
            throw new DbUpdateException("The SQLite write lock was busy.", e);
        }
    }

    public Task<List<MessageDto>> ReadAfterAsync(Guid conversationId, int afterSeq, CancellationToken cancellationToken) =>
        db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > afterSeq)
            .OrderBy(m => m.Seq)
            .Take(1000)
            .Select(m => m.ToDto())
            .ToListAsync(cancellationToken);
}
