using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// Sends the outbox: on one node at a time (the lease holder), each conversation's replies in order, at most the
/// provider's rate, retrying transient failures with exponential backoff until <see cref="ChannelOptions.GiveUpAfterMinutes"/>.
/// A refused or given-up reply becomes a note on the desk, so the counsellor knows the citizen did not get it.
/// </summary>
public sealed partial class ChannelOutboxSender(IServiceScopeFactory scopes, ILeases leases, ChannelOutboxSignal signal, TimeProvider clock,
    IOptions<ChannelOptions> options, ILogger<ChannelOutboxSender> logger) : BackgroundService
{
    private readonly Dictionary<string, (int PerSecond, RateLimiter Limiter)> limiters = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leases.AcquireAsync("channel-outbox", stoppingToken);
                using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                while (!running.Token.IsCancellationRequested)
                {
                    if (await SendDueAsync(running.Token) == 0)
                    {
                        await signal.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(20, options.Value.PollMilliseconds)), running.Token);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // The lease was lost; wait to take it again.
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One pass over the due replies; returns how many were tried. Public for tests that drive the sender by hand.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var adapters = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        var now = clock.GetUtcNow();
        var outbox = db.Set<ChannelOutboxItem>();
        // A later reply waits for an earlier one of the same conversation still pending, so the citizen reads them in order.
        var due = await outbox
            .Where(o => o.Status == DeliveryStatus.Pending && o.NextAttemptAt <= now
                && !outbox.Any(p => p.ConversationId == o.ConversationId && p.Status == DeliveryStatus.Pending && p.Id < o.Id))
            .OrderBy(o => o.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await SendOneAsync(db, adapters, item, scope.ServiceProvider, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendOneAsync(MinwonDbContext db, ChannelRegistry adapters, ChannelOutboxItem item, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var adapter = adapters.Find(item.Channel);
        string? failure = null;
        var transient = false;
        var recorded = false;
        if (adapter is null)
        {
            failure = $"channel {item.Channel} has no adapter";
        }
        else
        {
            await Limiter(item.Channel).AcquireAsync(1, cancellationToken);
            var thread = await db.Set<ChannelThread>().AsNoTracking().FirstOrDefaultAsync(t => t.ConversationId == item.ConversationId, cancellationToken);
            var attempt = item.Attempts + 1;
            if (adapter.RecordsTryBeforeSending)
            {
                // Saved before the request: if this node dies while the provider is posting, the next try knows to look first.
                item.Attempts++;
                await db.SaveChangesAsync(cancellationToken);
                recorded = true;
            }

            try
            {
                item.ProviderMessageId = await adapter.SendAsync(new OutboundDelivery(item.ExternalId, item.To, item.From, item.Text, item.Kind,
                    thread?.Subject, thread?.LastExternalId == item.ExternalId ? null : thread?.LastExternalId, thread?.References, attempt, item.CreatedAt),
                    cancellationToken) ?? item.ProviderMessageId;
            }
            catch (ChannelSendException e)
            {
                failure = e.Message;
                transient = e.Transient;
            }
        }

        var now = clock.GetUtcNow();
        if (!recorded)
        {
            item.Attempts++;
        }

        if (failure is null)
        {
            item.Status = DeliveryStatus.Sent;
            item.SentAt = now;
            item.LastError = null;
            LogSent(logger, item.Channel, item.ConversationId, item.Seq, item.Attempts);
        }
        else if (transient && now - item.CreatedAt < TimeSpan.FromMinutes(options.Value.GiveUpAfterMinutes))
        {
            var backoff = Math.Min(options.Value.MaxBackoffSeconds, Math.Pow(2, Math.Min(item.Attempts - 1, 20)));
            item.NextAttemptAt = now.AddSeconds(backoff);
            item.LastError = Trim(failure);
            LogRetry(logger, item.Channel, item.ConversationId, item.Seq, item.Attempts, backoff);
        }
        else
        {
            item.Status = DeliveryStatus.Failed;
            item.LastError = Trim(failure);
            await db.SaveChangesAsync(cancellationToken);
            LogFailed(logger, item.Channel, item.ConversationId, item.Seq, item.Attempts);
            await NoteFailureAsync(services, item.ConversationId, item.Seq, failure, cancellationToken);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves a note on the desk that the citizen did not get message <paramref name="seq"/>, and why, and pushes it.</summary>
    public static async Task NoteFailureAsync(IServiceProvider services, Guid conversationId, int seq, string why,
        CancellationToken cancellationToken)
    {
        // A scope of its own: the caller's context still tracks the outbox rows it is working through.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var journal = scope.ServiceProvider.GetRequiredService<ConversationJournal>();
        var (note, agentId) = await journal.WriteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var conversation = await journal.LoadForWriteAsync(conversationId, ct);
            if (conversation is null)
            {
                return ((MessageDto?)null, (string?)null);
            }

            var message = journal.Append(conversation, MessageKind.Event, MessageSender.System,
                $"{seq}번 메시지를 시민에게 보내지 못했습니다 ({Trim(why)}). 다른 방법으로 안내해 주세요.", senderName: ReceiveChannelMessage.DeskNoteName);
            await db.SaveChangesAsync(ct);
            return (message.ToDto(), conversation.AssignedToId);
        }, cancellationToken);
        if (note is not null)
        {
            var bus = services.GetRequiredService<LiveBus>();
            await bus.PublishAsync(new MessageAdded(conversationId, note, agentId));
            await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
        }
    }

    private RateLimiter Limiter(string channel)
    {
        lock (limiters)
        {
            // Made again when the rate changes (the settings screen changes Sms:MaxPerSecond without a restart).
            var perSecond = channel == Conversations.Channels.Sms ? Math.Max(1, options.Value.Sms.MaxPerSecond) : 10;
            if (!limiters.TryGetValue(channel, out var entry) || entry.PerSecond != perSecond)
            {
                entry = (perSecond, new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = int.MaxValue, AutoReplenishment = true,
                }));
                limiters[channel] = entry;
            }

            return entry.Limiter;
        }
    }

    private static string Trim(string text) => text.Length > 200 ? text[..200] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {Channel} reply {Seq} of conversation {ConversationId} sent (try {Attempt}).")]
    private static partial void LogSent(ILogger logger, string channel, Guid conversationId, int seq, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} reply {Seq} of conversation {ConversationId} failed (try {Attempt}); next try in {BackoffSeconds} s.")]
    private static partial void LogRetry(ILogger logger, string channel, Guid conversationId, int seq, int attempt, double backoffSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {Channel} reply {Seq} of conversation {ConversationId} given up after {Attempt} tries.")]
    private static partial void LogFailed(ILogger logger, string channel, Guid conversationId, int seq, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The channel outbox sender failed; it starts again.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
