using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Core.Routing;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Routing;

/// <summary>One conversation of today as the wallboard and the live channel volumes read it (indexed columns only).</summary>
public sealed record TodaysContact(string Channel, int? QueueId, ConversationStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? FirstEnqueuedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt)
{
    /// <summary>When the contact arrived, as the analytics rollups key it: first queued, else created (a bot-only chat).</summary>
    public DateTimeOffset Arrived => FirstEnqueuedAt ?? CreatedAt;

    /// <summary>Its record for <see cref="QueueStatistics.Compute"/>, or null when no one waited for a counsellor (the bot answered).</summary>
    public QueueContactRecord? QueueRecord => FirstEnqueuedAt is { } queued
        ? new QueueContactRecord(queued, AnsweredAt, Status == ConversationStatus.Abandoned && AnsweredAt is null ? EndedAt : null)
        : null;
}

/// <summary>
/// One scan of today's conversations, shared by the wallboard and the live channel volumes on the same screen: those that
/// arrived since the city's midnight or still wait, and those created since <paramref name="Since"/> (the current hour,
/// for the volumes) even when no one waited for them.
/// </summary>
public sealed record TodaysContacts(DateTimeOffset AsOf, DateTimeOffset Midnight, DateTimeOffset Since, IReadOnlyList<TodaysContact> Rows)
{
    public static async Task<TodaysContacts> ReadAsync(MinwonDbContext db, CityClock clock, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var midnight = clock.StartOf(clock.DayOf(now));
        var hour = StartOfHour(now, midnight);
        var rows = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.CreatedAt >= hour || c.FirstEnqueuedAt != null && (c.FirstEnqueuedAt >= midnight
                || c.Status == ConversationStatus.Queued || c.Status == ConversationStatus.Offered))
            .Select(c => new TodaysContact(c.Channel, c.QueueId, c.Status, c.CreatedAt, c.FirstEnqueuedAt, c.AnsweredAt, c.EndedAt))
            .ToListAsync(ct);
        return new TodaysContacts(now, midnight, hour, rows);
    }

    /// <summary>The start of the hour <paramref name="now"/> is in, counted from the city's midnight (whole-hour zones and others alike).</summary>
    public static DateTimeOffset StartOfHour(DateTimeOffset now, DateTimeOffset midnight) =>
        midnight.AddHours(Math.Floor((now - midnight).TotalHours));
}
