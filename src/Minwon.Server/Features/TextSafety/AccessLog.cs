using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.TextSafety;

public sealed record AccessRecord(string ActorId, string ActorRole, string? Address, string Record, string Action, string? Reason = null);

/// <param name="LegacyEntries">Entries still hashed in the first release's form (100 ns ticks); `accesslog reseal` rewrites them.</param>
public sealed record ChainVerification(bool Intact, long Entries, long? FirstBrokenSequence, string Message, long LegacyEntries = 0);

public sealed record ResealResult(bool Done, long Rewritten, ChainVerification Verification);

/// <param name="Purged">Entries before the first one kept, removed by retention under an anchor entry in the chain.</param>
public sealed record AccessLogPurge(long FirstKept, long Purged, DateTimeOffset? Before, long? AnchorEntry);

/// <summary>
/// Appends to and verifies the hash-chained access log. The hash covers a canonical form that every provider keeps
/// exactly: the time in whole microseconds since the Unix epoch (PostgreSQL's precision), truncated before it is stored.
/// </summary>
/// <remarks>
/// Retention may remove the oldest entries (never younger than two years, <c>Minwon:Retention:AccessLogDays</c>). It
/// first appends an anchor entry (action <c>purge</c>, record <c>accesslog:1-S</c>, reason ending <c>anchor HASH</c>,
/// the hash of entry S), then deletes entries 1..S. Verification then starts at entry S+1 from the anchored hash and
/// requires that anchor entry inside the verified chain: removing old entries any other way still breaks it.
/// </remarks>
public sealed class AccessLog(MinwonDbContext db, TimeProvider clock)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Appends in its own unit of work (retrying when another writer extended the chain first).</summary>
    public Task<AccessLogEntry> AppendAsync(AccessRecord record, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async ct =>
        {
            var last = await db.Set<AccessLogEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var entry = NewEntry((last?.Sequence ?? 0) + 1, last?.Hash ?? Genesis, record);
            db.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        }, cancellationToken, maxAttempts: 20);

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = Genesis;
        long expected = 1;
        long legacy = 0;
        long count = 0;
        string? anchor = null;
        long? anchoredBy = null;
        await foreach (var e in db.Set<AccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (count == 0 && e.Sequence > 1)
            {
                // A purged prefix: accepted from the hash it left behind, if an anchor entry below vouches for it.
                (expected, previous, anchor) = (e.Sequence, e.PreviousHash, e.PreviousHash);
            }

            if (e.Sequence != expected)
            {
                return new ChainVerification(false, count, expected, $"Entry {expected} is missing (next is {e.Sequence}).", legacy);
            }

            var form = e.PreviousHash == previous ? FormOf(e, previous) : HashForm.None;
            if (form == HashForm.None)
            {
                return new ChainVerification(false, count, e.Sequence, $"Entry {e.Sequence} was altered or its predecessor was.", legacy);
            }

            if (anchor is not null && anchoredBy is null && IsAnchor(e, expected - count - 1, anchor))
            {
                anchoredBy = e.Sequence;
            }

            legacy += form == HashForm.Legacy ? 1 : 0;
            previous = e.Hash;
            expected++;
            count++;
        }

        if (anchor is not null && anchoredBy is null)
        {
            var first = expected - count;
            return new ChainVerification(false, count, 1,
                $"Entries 1-{first - 1} are gone and no purge entry in the chain records their removal.", legacy);
        }

        var note = legacy > 0 ? $" ({legacy} in the first release's hash form; `minwon accesslog reseal` rewrites them)" : "";
        var purged = anchoredBy is { } by ? $"; entries 1-{expected - count - 1} were purged by retention (entry {by})" : "";
        return new ChainVerification(true, count, null, $"{count} entries, chain intact{purged}{note}.", legacy);
    }

    /// <summary>
    /// Removes the entries made before <paramref name="before"/> (all but the newest), after appending the anchor entry
    /// that lets verification start after them. With <paramref name="dryRun"/> it only counts.
    /// </summary>
    public async Task<AccessLogPurge> PurgeBeforeAsync(DateTimeOffset before, Func<long, string> reason, AccessRecord by, bool dryRun,
        CancellationToken cancellationToken)
    {
        var newest = await db.Set<AccessLogEntry>().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var last = await db.Set<AccessLogEntry>().Where(e => e.At < before && e.Sequence < newest)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return new AccessLogPurge(0, 0, before, null);
        }

        var due = db.Set<AccessLogEntry>().Where(e => e.Sequence <= last.Sequence);
        var count = await due.LongCountAsync(cancellationToken);
        if (dryRun)
        {
            return new AccessLogPurge(last.Sequence + 1, count, before, null);
        }

        // Anchor first: if the process dies before the delete, the entries are still there and the chain still verifies.
        var anchor = await AppendAsync(by with { Action = "purge", Record = $"accesslog:1-{last.Sequence}",
            Reason = $"{reason(count)}; anchor {last.Hash}" }, cancellationToken);
        await due.ExecuteDeleteAsync(cancellationToken);
        return new AccessLogPurge(last.Sequence + 1, count, before, anchor.Sequence);
    }

    private static bool IsAnchor(AccessLogEntry e, long lastPurged, string hash) =>
        e.Action == "purge" && e.Record == $"accesslog:1-{lastPurged}"
        && e.Reason?.EndsWith($"anchor {hash}", StringComparison.Ordinal) == true;

    /// <summary>
    /// Rewrites entries hashed in the first release's form (100 ns ticks, which PostgreSQL could not keep) in the
    /// canonical form, then appends an entry recording the reseal. Refuses, changing nothing, unless every entry
    /// verifies in one form or the other: a reseal must never launder an entry that was altered.
    /// </summary>
    public async Task<ResealResult> ResealAsync(AccessRecord by, CancellationToken cancellationToken)
    {
        var verification = await VerifyAsync(cancellationToken);
        if (!verification.Intact)
        {
            return new ResealResult(false, 0, verification);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = await db.Set<AccessLogEntry>().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        // After a purge the chain starts from its anchored hash (VerifyAsync checked the anchor entry).
        var previous = entries is [{ Sequence: > 1 } first, ..] ? first.PreviousHash : Genesis;
        long rewritten = 0;
        var canonical = new List<AccessLogEntry>(entries.Count);
        foreach (var e in entries)
        {
            var at = Canonical(e.At);
            var hash = HashOf(e.Sequence, at, RecordOf(e), previous);
            if (hash != e.Hash || previous != e.PreviousHash || at != e.At)
            {
                rewritten++;
            }

            canonical.Add(new AccessLogEntry
            {
                Id = e.Id, Sequence = e.Sequence, At = at, ActorId = e.ActorId, ActorRole = e.ActorRole, Address = e.Address,
                Record = e.Record, Action = e.Action, Reason = e.Reason, PreviousHash = previous, Hash = hash,
            });
            previous = hash;
        }

        // Entries are immutable objects (init-only), so the rewritten chain replaces the rows one by one.
        db.ChangeTracker.Clear();
        foreach (var entry in canonical.Where((e, i) => e.Hash != entries[i].Hash || e.At != entries[i].At))
        {
            db.Update(entry);
        }

        var last = canonical.LastOrDefault();
        db.Add(NewEntry((last?.Sequence ?? 0) + 1, last?.Hash ?? Genesis,
            by with { Action = "reseal", Record = $"accesslog:1-{last?.Sequence ?? 0}" }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ResealResult(true, rewritten, await VerifyAsync(cancellationToken));
    }

    /// <summary>The canonical hash: sequence, time in microseconds since the Unix epoch, the record, the previous hash.</summary>
    public static string HashOf(long sequence, DateTimeOffset at, AccessRecord r, string previous) =>
        Hash(sequence, "us:" + Microseconds(at).ToString(CultureInfo.InvariantCulture), r, previous);

    /// <summary>The time as every provider stores it: UTC, truncated to whole microseconds.</summary>
    public static DateTimeOffset Canonical(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    private AccessLogEntry NewEntry(long sequence, string previous, AccessRecord record)
    {
        var at = Canonical(clock.GetUtcNow());
        return new AccessLogEntry
        {
            Sequence = sequence,
            At = at,
            ActorId = record.ActorId,
            ActorRole = record.ActorRole,
            Address = record.Address,
            Record = record.Record,
            Action = record.Action,
            Reason = record.Reason,
            PreviousHash = previous,
            Hash = HashOf(sequence, at, record, previous),
        };
    }

    private enum HashForm { None, Canonical, Legacy }

    private static HashForm FormOf(AccessLogEntry e, string previous)
    {
        var record = RecordOf(e);
        if (HashOf(e.Sequence, e.At, record, previous) == e.Hash)
        {
            return HashForm.Canonical;
        }

        // The first release hashed 100 ns ticks; SQLite kept them, PostgreSQL kept only the microsecond, so the lost
        // digit is tried (ten candidates). Anything else in the entry must still match exactly.
        var floor = Canonical(e.At).UtcTicks;
        for (var extra = 0L; extra < TimeSpan.TicksPerMicrosecond; extra++)
        {
            if (Hash(e.Sequence, (floor + extra).ToString(CultureInfo.InvariantCulture), record, previous) == e.Hash)
            {
                return HashForm.Legacy;
            }
        }

        return HashForm.None;
    }

    private static AccessRecord RecordOf(AccessLogEntry e) => new(e.ActorId, e.ActorRole, e.Address, e.Record, e.Action, e.Reason);

    private static long Microseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static string Hash(long sequence, string time, AccessRecord r, string previous)
    {
        var canonical = string.Join('\u001f', sequence.ToString(CultureInfo.InvariantCulture),
            time, r.ActorId, r.ActorRole, r.Address ?? "", r.Record, r.Action, r.Reason ?? "", previous);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
