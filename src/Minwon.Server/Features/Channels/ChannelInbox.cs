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

    public const int MaxPayload = 40000;
}

/// <summary>
/// The group-commit writer behind <see cref="ChannelInbox"/>: one loop per node takes every webhook waiting (up to
/// <see cref="MaxBatch"/>) and writes them in one transaction, then answers each caller (stored or duplicate). A failed
/// transaction fails every caller in it (their providers get a 5xx and deliver again).
/// </summary>
public sealed partial class ChannelInboxWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChannelInboxWriter> logger) : BackgroundService
{
    public const int MaxBatch = 500;

    private sealed record Pending(string Channel, string ExternalId, string Payload, TaskCompletionSource<bool> Done);

    private readonly System.Threading.Channels.Channel<Pending> queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(
        new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    public async Task<bool> AcceptAsync(string channel, string externalId, string payload, CancellationToken cancellationToken)
    {
        var pending = new Pending(channel, externalId, payload, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The channel inbox is shutting down.");
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    var stored = await WriteAsync(batch, stoppingToken);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(stored[i]);
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
    }

    private async Task<bool[]> WriteAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLog>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var stored = new bool[batch.Count];
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One multi-row INSERT for the batch; a repeat (of an earlier batch, or inside this one) is skipped by the
            // unique index, and RETURNING names the rows that were new.
            var sql = new System.Text.StringBuilder("""INSERT INTO "ChannelInbox" ("Channel", "ExternalId", "Payload", "AcceptedAtMs") VALUES """);
            var parameters = new object[batch.Count * 3 + 1];
            parameters[^1] = now;
            for (var i = 0; i < batch.Count; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"({{{i * 3}}}, {{{i * 3 + 1}}}, {{{i * 3 + 2}}}, {{{batch.Count * 3}}})");
                (parameters[i * 3], parameters[i * 3 + 1], parameters[i * 3 + 2]) = (batch[i].Channel, batch[i].ExternalId, batch[i].Payload);
            }

            sql.Append(""" ON CONFLICT ("Channel", "ExternalId") DO NOTHING RETURNING "Id", "Channel", "ExternalId" """);
            var rows = await db.Database.SqlQueryRaw<InsertedRow>(sql.ToString(), parameters).ToListAsync(ct);
            var inserted = rows.ToDictionary(r => (r.Channel, r.ExternalId), r => r.Id);
            foreach (var row in rows.OrderBy(r => r.Id))
            {
                events.Append(new ChannelMessageArrived(row.Id, row.Channel));
            }

            for (var i = 0; i < batch.Count; i++)
            {
                // The first of two copies in one batch is the one stored; the second is a duplicate.
                stored[i] = inserted.Remove((batch[i].Channel, batch[i].ExternalId));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return stored;
        }, cancellationToken);
    }

    private sealed class InsertedRow
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string ExternalId { get; init; } = "";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} webhooks to the channel inbox failed; their providers get a 5xx and send again.")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
