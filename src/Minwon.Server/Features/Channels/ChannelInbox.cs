using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// A webhook as it arrived, stored before the provider gets its 202 (the durable inbox): once per (channel, provider
/// message id), its validated body as JSON until <see cref="ProcessChannelInbox"/> has made it a conversation message
/// (then the body, personal data, is cleared; the row stays as the record that the id was seen).
/// </summary>
public sealed class ChannelInboxItem
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string ExternalId { get; init; }

    /// <summary>The validated webhook body (JSON); null once processed.</summary>
    public string? Payload { get; set; }

    /// <summary>When it was accepted, in Unix milliseconds (a plain number, so the insert is one portable SQL statement).</summary>
    public long AcceptedAtMs { get; init; }

    public long? ProcessedAtMs { get; set; }
}

internal sealed class ChannelInboxItemConfiguration : IEntityTypeConfiguration<ChannelInboxItem>
{
    public void Configure(EntityTypeBuilder<ChannelInboxItem> entity)
    {
        entity.ToTable("ChannelInbox");
        entity.Property(m => m.Channel).HasMaxLength(20);
        entity.Property(m => m.ExternalId).HasMaxLength(ChannelMessage.MaxExternalId);
        entity.Property(m => m.Payload).HasMaxLength(ChannelInbox.MaxPayload);
        entity.HasIndex(m => new { m.Channel, m.ExternalId }).IsUnique();
    }
}

/// <summary>
/// Accepts a webhook durably before its 2xx: the inbox row (INSERT … ON CONFLICT DO NOTHING, so a repeat costs no
/// error, no retry and no log line) and a <see cref="ChannelMessageArrived"/> event for the consumer. Webhooks arriving
/// together share one transaction (<see cref="ChannelInboxWriter"/>, group commit): a thousand a second are a few
/// dozen commits, not a thousand.
/// </summary>
public sealed class ChannelInbox(ChannelInboxWriter writer)
{
    /// <summary>
    /// Hangul as it is, not \uXXXX escapes: a 10,000-character Korean message (what the webhooks accept) must fit in
    /// <see cref="MaxPayload"/>, which it does not at six characters a syllable.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True when stored now; false when this channel's message id was accepted before (nothing is written).</summary>
    public Task<bool> AcceptAsync<T>(string channel, string externalId, T body, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(body, Json);
        // Checked here, not by the column: one oversize row must not fail the other webhooks committed with it.
        return payload.Length > MaxPayload
            ? throw Platform.ProblemException.Invalid($"메시지가 너무 큽니다 (JSON {MaxPayload:N0}자 이하).")
            : writer.AcceptAsync(channel, externalId, payload, cancellationToken);
    }

    /// <summary>
    /// Several messages of one delivery (X's Account Activity webhook carries a batch of events) in one store operation:
    /// all are written in the same transaction or none is. Stored-now flags in the order given; a repeated id is false.
    /// </summary>
    public Task<bool[]> AcceptManyAsync<T>(string channel, IReadOnlyList<(string ExternalId, T Body)> messages, CancellationToken cancellationToken)
    {
        var entries = new ChannelInboxWriter.Entry[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = JsonSerializer.Serialize(messages[i].Body, Json);
            entries[i] = payload.Length > MaxPayload
                ? throw Platform.ProblemException.Invalid($"메시지가 너무 큽니다 (JSON {MaxPayload:N0}자 이하).")
                : new ChannelInboxWriter.Entry(channel, messages[i].ExternalId, payload);
        }

        return writer.AcceptManyAsync(entries, cancellationToken);
    }

    public const int MaxPayload = 40000;
}

/// <summary>
/// The group-commit writer behind <see cref="ChannelInbox"/>: one loop per node takes every webhook waiting (up to
/// <see cref="MaxBatch"/>) and writes them in one transaction, then answers each caller (stored or duplicate). A failed
/// transaction fails every caller in it (their providers get a 5xx and deliver again).
/// </summary>
/// <remarks>
/// The accept path comes first during a burst (docs/benchmarks/channels.md): the batch is two plain SQL statements on the
/// context's connection (no change tracking), the consumers are woken at most every <see cref="WakeEvery"/> instead of
/// after every commit (each wake makes every consumer read the log), and <see cref="Busy"/> tells the inbound consumer to
/// leave the write lock and the CPU to the webhooks while they pour in; it catches up afterwards.
/// </remarks>
public sealed partial class ChannelInboxWriter(IServiceScopeFactory scopes, TimeProvider clock, EventSignal signal,
    ILogger<ChannelInboxWriter> logger) : BackgroundService
{
    public const int MaxBatch = 500;

    /// <summary>Webhooks a second above which the writer counts as busy (a burst, not a city's ordinary traffic).</summary>
    public const int BurstPerSecond = 100;

    public static readonly TimeSpan WakeEvery = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    // What this writer commits: its wake-up reaches only the consumers of these events (EventSignal).
    private static readonly string[] Written = [EventCatalog.NameOf<ChannelMessageArrived>()];

    public sealed record Entry(string Channel, string ExternalId, string Payload);

    /// <summary>One caller's entries (one webhook, or one delivery of several), written in the same transaction.</summary>
    private sealed record Pending(Entry[] Entries, TaskCompletionSource<bool[]> Done);

    private readonly System.Threading.Channels.Channel<Pending> queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(
        new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    private long windowStart = System.Diagnostics.Stopwatch.GetTimestamp();
    private int inWindow;
    private long busyUntil;
    private long lastWake;
    private bool wakeOwed;
    private int waiting;

    /// <summary>True while webhooks arrive faster than <see cref="BurstPerSecond"/> (or did within the last quarter second).</summary>
    public bool Busy => System.Diagnostics.Stopwatch.GetTimestamp() < Volatile.Read(ref busyUntil) || Volatile.Read(ref waiting) > 0;

    public async Task<bool> AcceptAsync(string channel, string externalId, string payload, CancellationToken cancellationToken) =>
        (await AcceptManyAsync([new Entry(channel, externalId, payload)], cancellationToken))[0];

    public async Task<bool[]> AcceptManyAsync(Entry[] entries, CancellationToken cancellationToken)
    {
        if (entries.Length == 0)
        {
            return [];
        }

        var pending = new Pending(entries, new TaskCompletionSource<bool[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref waiting);
        if (!queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref waiting);
            throw new InvalidOperationException("The channel inbox is shutting down.");
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await WaitForWorkAsync(stoppingToken))
            {
                batch.Clear();
                var rows = 0;
                while (rows < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    rows += next.Entries.Length;
                }

                Interlocked.Add(ref waiting, -batch.Count);
                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    var stored = await WriteAsync([.. batch.SelectMany(p => p.Entries)], stoppingToken);
                    var at = 0;
                    foreach (var p in batch)
                    {
                        p.Done.TrySetResult(stored[at..(at + p.Entries.Length)]);
                        at += p.Entries.Length;
                    }

                    Count(rows);
                    if (stored.Contains(true))
                    {
                        wakeOwed = true;
                        WakeIfDue();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogBatchFailed(logger, batch.Count, e);
                    batch.ForEach(p => p.Done.TrySetException(e));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whoever still waits gets cancelled below.
        }

        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled(stoppingToken);
        }

        batch.ForEach(p => p.Done.TrySetCanceled(stoppingToken));
        if (wakeOwed)
        {
            signal.Pulse(Written);
        }
    }

    /// <summary>Waits for webhooks; a wake held back during a burst is given when its time comes, webhooks or not.</summary>
    private async Task<bool> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        while (wakeOwed)
        {
            var left = WakeEvery - System.Diagnostics.Stopwatch.GetElapsedTime(lastWake);
            if (left <= TimeSpan.Zero)
            {
                WakeIfDue();
                break;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(left);
            try
            {
                return await queue.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                WakeIfDue();
            }
        }

        return await queue.Reader.WaitToReadAsync(stoppingToken);
    }

    private void WakeIfDue()
    {
        if (wakeOwed && System.Diagnostics.Stopwatch.GetElapsedTime(lastWake) >= WakeEvery)
        {
            wakeOwed = false;
            lastWake = System.Diagnostics.Stopwatch.GetTimestamp();
            signal.Pulse(Written);
        }
    }

    private void Count(int accepted)
    {
        if (System.Diagnostics.Stopwatch.GetElapsedTime(windowStart) >= Window)
        {
            windowStart = System.Diagnostics.Stopwatch.GetTimestamp();
            inWindow = 0;
        }

        inWindow += accepted;
        if (inWindow >= BurstPerSecond * Window.TotalSeconds)
        {
            Volatile.Write(ref busyUntil, System.Diagnostics.Stopwatch.GetTimestamp() + (long)(Window.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
        }
    }

    /// <summary>
    /// One transaction (at most <see cref="MaxBatch"/> rows, more only when one caller brings more): a multi-row INSERT … ON CONFLICT DO NOTHING RETURNING for the inbox (a repeat, of an earlier batch
    /// or inside this one, is skipped by the unique index and RETURNING names the rows that were new), then one multi-row
    /// INSERT of their <see cref="ChannelMessageArrived"/> events. Plain ADO.NET on the context's connection (its
    /// interceptors, e.g. SQLite's busy_timeout, still apply); the same SQL for SQLite and PostgreSQL but the event's
    /// time (UTC ticks on SQLite, timestamptz on PostgreSQL) and TxId (0 on SQLite, the column's default on PostgreSQL).
    /// </summary>
    private async Task<bool[]> WriteAsync(List<Entry> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var postgres = db.Database.IsNpgsql();
        var type = EventCatalog.Describe(typeof(ChannelMessageArrived));
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            var stored = new bool[batch.Count];
            var now = clock.GetUtcNow();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var connection = db.Database.GetDbConnection();
                await using var transaction = await connection.BeginTransactionAsync(ct);
                var inserted = new List<(long Id, string Channel, string ExternalId)>(batch.Count);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    var sql = new System.Text.StringBuilder("""INSERT INTO "ChannelInbox" ("Channel", "ExternalId", "Payload", "AcceptedAtMs") VALUES """);
                    Parameter(insert, "@at", now.ToUnixTimeMilliseconds());
                    for (var i = 0; i < batch.Count; i++)
                    {
                        sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@c{i}, @e{i}, @p{i}, @at)");
                        Parameter(insert, $"@c{i}", batch[i].Channel);
                        Parameter(insert, $"@e{i}", batch[i].ExternalId);
                        Parameter(insert, $"@p{i}", batch[i].Payload);
                    }

                    insert.CommandText = sql.Append(""" ON CONFLICT ("Channel", "ExternalId") DO NOTHING RETURNING "Id", "Channel", "ExternalId" """).ToString();
                    await using var reader = await insert.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        inserted.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                    }
                }

                if (inserted.Count > 0)
                {
                    inserted.Sort((a, b) => a.Id.CompareTo(b.Id));
                    await using var events = connection.CreateCommand();
                    events.Transaction = transaction;
                    var sql = new System.Text.StringBuilder(postgres
                        ? """INSERT INTO "EventLog" ("Type", "Version", "Payload", "CreatedAt") VALUES """
                        : """INSERT INTO "EventLog" ("Type", "Version", "Payload", "CreatedAt", "TxId") VALUES """);
                    Parameter(events, "@type", type.Name);
                    Parameter(events, "@version", type.Version);
                    Parameter(events, "@created", postgres ? now : now.UtcTicks);
                    for (var i = 0; i < inserted.Count; i++)
                    {
                        sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@type, @version, @v{i}, @created{(postgres ? "" : ", 0")})");
                        Parameter(events, $"@v{i}", EventCatalog.Serialize(new ChannelMessageArrived(inserted[i].Id, inserted[i].Channel)));
                    }

                    events.CommandText = sql.ToString();
                    await events.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                var fresh = inserted.Select(r => (r.Channel, r.ExternalId)).ToHashSet();
                for (var i = 0; i < batch.Count; i++)
                {
                    // The first of two copies in one batch is the one stored; the second is a duplicate.
                    stored[i] = fresh.Remove((batch[i].Channel, batch[i].ExternalId));
                }

                return stored;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} webhooks to the channel inbox failed; their providers get a 5xx and send again.")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
