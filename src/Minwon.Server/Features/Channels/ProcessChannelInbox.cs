using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters.Events;
using Minwon.Server.Features.ChannelAdapters.Sms;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// A messenger message as its webhook left it in the inbox (the provider's ids already turned into our addresses and
/// contact key); an SMS is kept as the gateway's own body (<see cref="SmsInboundRequest"/>), its photos fetched here.
/// </summary>
public sealed record QueuedMessage(string CitizenAddress, string AddressKey, string ContactKey, string OwnAddress, string Text,
    DateTimeOffset ReceivedAt, IReadOnlyList<string> Refused);

/// <summary>
/// The inbound consumer: reads <see cref="ChannelMessageArrived"/> off the event log in order (one node, cursor
/// "channel-inbound") and makes each inbox row a conversation message through <see cref="ReceiveChannelMessage"/>, which
/// stores it once per provider message id, so a redelivered event or a crash between the two is a no-op. The webhook
/// answered 202 already.
/// </summary>
/// <remarks>
/// Batched (docs/benchmarks/channels.md): up to <see cref="MaxPerTransaction"/> text messages are read together, stored in
/// one transaction with their inbox rows cleared and the cursor moved, and pushed after the commit: one commit for many
/// messages instead of four write transactions each (the message, the inbox row, the cursor, the opt-out check). An MMS
/// (its photos are fetched over HTTP, which must not happen while the write lock is held), an unreadable event, or a
/// batch that fails is taken one event at a time by the default path (<see cref="EventConsumerRun.HandleEachAsync"/>:
/// retries, then the dead-letter table), from the same cursor, so the order of one citizen's messages is kept.
/// </remarks>
public sealed partial class ProcessChannelInbox(IServiceScopeFactory scopes, ChannelInboxWriter writer, TimeProvider clock,
    ILogger<ProcessChannelInbox> logger) : EventConsumer
{
    /// <summary>
    /// While webhooks pour in (<see cref="ChannelInboxWriter.Busy"/>) the consumer rests this many times as long as its last
    /// batch took before the next: the accept path gets the write lock and about three quarters of the CPU, the consumer
    /// still moves (so a long flood cannot starve it) and catches up at full speed once the burst is over.
    /// </summary>
    public const int YieldFactor = 3;

    private static readonly TimeSpan MinYield = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(2);

    private TimeSpan lastWork;

    /// <summary>Messages stored per transaction: on SQLite the batch holds the one write lock while it works.</summary>
    public const int MaxPerTransaction = 50;

    private readonly System.Diagnostics.Stopwatch sinceSave = System.Diagnostics.Stopwatch.StartNew();

    // Read past (events nobody here wants) but not saved yet: saved at most once a second, as the default path does.
    private EventPosition? ahead;

    public override string Name => "channel-inbound";

    public override int BatchSize => 200;

    public override IReadOnlyCollection<Type> WakesOn => [typeof(ChannelMessageArrived)];

    public override bool Wants(EventEnvelope e) => e.Event is ChannelMessageArrived;

    public override Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ahead = null;
        return Task.CompletedTask;
    }

    public override async Task<int> RunBatchAsync(EventConsumerRun run, CancellationToken cancellationToken)
    {
        if (writer.Busy)
        {
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(lastWork.Ticks * YieldFactor, MinYield.Ticks, MaxYield.Ticks)), cancellationToken);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await RunAsync(run, cancellationToken);
        }
        finally
        {
            lastWork = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
    }

    private async Task<int> RunAsync(EventConsumerRun run, CancellationToken cancellationToken)
    {
        List<StoredInbound> stored;
        int read;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            var cursor = await run.LoadCursorAsync(db, cancellationToken);
            var from = ahead is { } past && past.CompareTo(cursor.At) > 0 ? past : cursor.At;
            var batch = await run.ReadAsync(db, from, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                if (ahead is { } unsaved && unsaved.CompareTo(cursor.At) > 0 && sinceSave.Elapsed >= TimeSpan.FromSeconds(1))
                {
                    cursor.MoveTo(unsaved, clock.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                    ahead = null;
                    sinceSave.Restart();
                }

                return 0;
            }

            var ids = batch.Select(e => e.Event).OfType<ChannelMessageArrived>().Select(a => a.InboxId).ToList();
            var items = ids.Count == 0 ? [] : await db.Set<ChannelInboxItem>().AsNoTracking()
                .Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);

            // The longest run of events this batch can take at once: it ends before an MMS or an unreadable row.
            var take = new List<(EventEnvelope Event, ChannelInboxItem? Item, InboundMessage? Inbound)>();
            var wanted = 0;
            foreach (var e in batch)
            {
                if (e.Event is UnreadableEvent)
                {
                    break;
                }

                if (e.Event is not ChannelMessageArrived arrived)
                {
                    take.Add((e, null, null));
                    continue;
                }

                var item = items.GetValueOrDefault(arrived.InboxId);
                var inbound = item?.Payload is null ? null : Plain(item);
                if (item?.Payload is not null && inbound is null || wanted == MaxPerTransaction)
                {
                    break;
                }

                take.Add((e, item, inbound));
                wanted += inbound is null ? 0 : 1;
            }

            if (take.Count == 0)
            {
                // An MMS or an unreadable event first: the default path, one event at a time.
                ahead = null;
                return await run.HandleEachAsync(this, cancellationToken);
            }

            if (wanted == 0)
            {
                // Only events for others (or inbox rows done already): passed over, saved at most once a second.
                ahead = take[^1].Event.Position;
                if (sinceSave.Elapsed >= TimeSpan.FromSeconds(1))
                {
                    cursor.MoveTo(take[^1].Event.Position, clock.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                    ahead = null;
                    sinceSave.Restart();
                }

                return take.Count;
            }

            try
            {
                stored = await StoreBatchAsync(scope.ServiceProvider, db, run, cursor.At, take, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing of the batch was committed: the default path takes it again, with retries and dead letters.
                LogBatchFallback(logger, e, wanted);
                ahead = null;
                return await run.HandleEachAsync(this, cancellationToken);
            }

            read = take.Count;
            ahead = null;
            sinceSave.Restart();
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var receive = scope.ServiceProvider.GetRequiredService<ReceiveChannelMessage>();
            foreach (var s in stored)
            {
                await receive.PublishAsync(s);
            }
        }

        return read;
    }

    private async Task<List<StoredInbound>> StoreBatchAsync(IServiceProvider services, MinwonDbContext db, EventConsumerRun run, EventPosition at,
        List<(EventEnvelope Event, ChannelInboxItem? Item, InboundMessage? Inbound)> take, CancellationToken cancellationToken)
    {
        var receive = services.GetRequiredService<ReceiveChannelMessage>();
        var stored = new List<StoredInbound>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (_, _, inbound) in take)
        {
            if (inbound is not null)
            {
                stored.Add(await receive.StoreInTransactionAsync(inbound, cancellationToken));
            }
        }

        // The bodies are personal data: kept only until they are in the conversation (which masks them).
        var done = take.Where(t => t.Inbound is not null).Select(t => t.Item!.Id).ToList();
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        await db.Set<ChannelInboxItem>().Where(i => done.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Payload, (string?)null).SetProperty(i => i.ProcessedAtMs, now.ToUnixTimeMilliseconds()), cancellationToken);

        // The cursor moves in the same transaction as the messages: a crash before the commit redoes the batch, after it
        // never. Read again here (storing cleared the change tracker); if another node moved it meanwhile, this node no
        // longer holds the consumer and the batch is rolled back.
        var cursor = await run.LoadCursorAsync(db, cancellationToken);
        if (!cursor.At.Equals(at))
        {
            throw new InvalidOperationException($"The {Name} cursor moved during the batch: another node runs this consumer.");
        }

        cursor.MoveTo(take[^1].Event.Position, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>The inbox row as a message to store, or null when it needs the one-at-a-time path (an MMS: photos to fetch).</summary>
    private static InboundMessage? Plain(ChannelInboxItem item)
    {
        if (item.Channel == Conversations.Channels.Sms)
        {
            var request = JsonSerializer.Deserialize<SmsInboundRequest>(item.Payload!, ChannelInbox.Json)!;
            if (request.Media is { Count: > 0 })
            {
                return null;
            }

            // As ProcessSms.ProcessAsync builds it for a message without photos.
            var from = request.From!;
            return new InboundMessage(Conversations.Channels.Sms, item.ExternalId, from, ContactKeys.PhoneDigits(from), ContactKeys.Phone(from),
                request.To!, request.Text ?? "", request.ReceivedAt ?? DateTimeOffset.MinValue, [], [], CanOptOut: true);
        }

        var m = JsonSerializer.Deserialize<QueuedMessage>(item.Payload!, ChannelInbox.Json)!;
        return new InboundMessage(item.Channel, item.ExternalId, m.CitizenAddress, m.AddressKey, m.ContactKey, m.OwnAddress, m.Text,
            m.ReceivedAt, [], m.Refused);
    }

    /// <summary>One event (the one-at-a-time path: an MMS, or a batch that failed).</summary>
    public override async Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (e.Event is not ChannelMessageArrived arrived)
        {
            return;
        }

        var db = services.GetRequiredService<MinwonDbContext>();
        var item = await db.Set<ChannelInboxItem>().FirstOrDefaultAsync(i => i.Id == arrived.InboxId, cancellationToken);
        if (item?.Payload is not { } payload)
        {
            return;
        }

        if (item.Channel == Conversations.Channels.Sms)
        {
            var request = JsonSerializer.Deserialize<SmsInboundRequest>(payload, ChannelInbox.Json)!;
            await services.GetRequiredService<ProcessSms>().ProcessAsync(item.ExternalId, request, cancellationToken);
        }
        else
        {
            var m = JsonSerializer.Deserialize<QueuedMessage>(payload, ChannelInbox.Json)!;
            await services.GetRequiredService<ReceiveChannelMessage>().HandleAsync(new InboundMessage(item.Channel, item.ExternalId,
                m.CitizenAddress, m.AddressKey, m.ContactKey, m.OwnAddress, m.Text, m.ReceivedAt, [], m.Refused), cancellationToken);
        }

        // The body is personal data: kept only until it is in the conversation (which masks it).
        db.ChangeTracker.Clear();
        await db.Set<ChannelInboxItem>().Where(i => i.Id == item.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Payload, (string?)null)
                .SetProperty(i => i.ProcessedAtMs, services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} channel messages failed; taking them one at a time")]
    private static partial void LogBatchFallback(ILogger logger, Exception exception, int count);
}
