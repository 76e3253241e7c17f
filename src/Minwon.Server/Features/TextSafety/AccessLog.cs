using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.TextSafety;

public sealed record AccessRecord(string ActorId, string ActorRole, string? Address, string Record, string Action, string? Reason = null);

public sealed record ChainVerification(bool Intact, long Entries, long? FirstBrokenSequence, string Message);

/// <summary>Appends to and verifies the hash-chained access log.</summary>
public sealed class AccessLog(MinwonDbContext db, TimeProvider clock)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Appends in its own unit of work (retrying when another writer extended the chain first).</summary>
    public Task<AccessLogEntry> AppendAsync(AccessRecord record, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async ct =>
        {
            var last = await db.Set<AccessLogEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var sequence = (last?.Sequence ?? 0) + 1;
            var previous = last?.Hash ?? Genesis;
            var at = clock.GetUtcNow();
            var entry = new AccessLogEntry
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
            db.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        }, cancellationToken, maxAttempts: 20);

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = Genesis;
        long expected = 1;
        await foreach (var e in db.Set<AccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.Sequence != expected)
            {
                return new ChainVerification(false, expected - 1, expected, $"Entry {expected} is missing (next is {e.Sequence}).");
            }

            var record = new AccessRecord(e.ActorId, e.ActorRole, e.Address, e.Record, e.Action, e.Reason);
            if (e.PreviousHash != previous || HashOf(e.Sequence, e.At, record, previous) != e.Hash)
            {
                return new ChainVerification(false, expected - 1, e.Sequence, $"Entry {e.Sequence} was altered or its predecessor was.");
            }

            previous = e.Hash;
            expected++;
        }

        return new ChainVerification(true, expected - 1, null, $"{expected - 1} entries, chain intact.");
    }

    public static string HashOf(long sequence, DateTimeOffset at, AccessRecord r, string previous)
    {
        var canonical = string.Join('\u001f', sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), r.ActorId, r.ActorRole, r.Address ?? "", r.Record, r.Action, r.Reason ?? "", previous);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
