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
        entity.Property(m => m.Payload).HasMaxLength(40000);
        entity.HasIndex(m => new { m.Channel, m.ExternalId }).IsUnique();
    }
}

/// <summary>
/// Accepts a webhook durably in one short transaction: the inbox row (INSERT … ON CONFLICT DO NOTHING, so a repeat
/// costs no error, no retry and no log line) and a <see cref="ChannelMessageArrived"/> event for the consumer.
/// </summary>
public sealed class ChannelInbox(MinwonDbContext db, EventLog events, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when stored now; false when this channel's message id was accepted before (nothing is written).</summary>
    public async Task<bool> AcceptAsync<T>(string channel, string externalId, T body, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(body, Json);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await db.Database.SqlQuery<long>($"""
                INSERT INTO "ChannelInbox" ("Channel", "ExternalId", "Payload", "AcceptedAtMs") VALUES ({channel}, {externalId}, {payload}, {now})
                ON CONFLICT ("Channel", "ExternalId") DO NOTHING RETURNING "Id"
                """).ToListAsync(ct);
            if (ids.Count == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            events.Append(new ChannelMessageArrived(ids[0], channel));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Whether this channel's message id was accepted (processed or not).</summary>
    public Task<bool> SeenAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        db.Set<ChannelInboxItem>().AsNoTracking().AnyAsync(m => m.Channel == channel && m.ExternalId == externalId, cancellationToken);
}
