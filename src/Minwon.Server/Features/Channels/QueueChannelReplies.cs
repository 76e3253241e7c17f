using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Conversations.Events;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.ChannelAdapters;

/// <summary>
/// Puts every reply in a channel conversation into the outbox, off the event log: a counsellor's or the bot's text, a
/// system text (an attachment refused), and the visible state lines (hand-off, counsellor joined, ended). Desk-only
/// notes (<see cref="ReceiveChannelMessage.DeskNoteName"/>) stay on the desk. Idempotent: one outbox row per
/// (conversation, seq), so a redelivered event writes nothing twice. Web chat conversations have no channel thread
/// and are passed over.
/// </summary>
public sealed class QueueChannelReplies : EventConsumer
{
    public override string Name => "channel-replies";

    public override int BatchSize => 200;

    /// <summary>One outbox row per (conversation, seq), checked before it is written: a batch redone after a crash queues nothing twice.</summary>
    public override bool SaveCursorPerBatch => true;

    public override IReadOnlyCollection<Type> WakesOn => [typeof(MessageSent)];

    public override bool Wants(EventEnvelope e) => e.ConversationId is not null
        && e.Event is MessageSent { Sender: not MessageSender.Citizen, Kind: MessageKind.Text or MessageKind.Event };

    /// <summary>Only conversations with a channel thread: one query per batch instead of one per web chat reply.</summary>
    public override async Task<Func<EventEnvelope, bool>?> NarrowAsync(IReadOnlyList<EventEnvelope> wanted, MinwonDbContext db,
        CancellationToken cancellationToken)
    {
        var ids = wanted.Select(e => e.ConversationId!.Value).Distinct().ToList();
        var threads = (await db.Set<ChannelThread>().AsNoTracking().Where(t => ids.Contains(t.ConversationId)).Select(t => t.ConversationId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return e => threads.Contains(e.ConversationId!.Value);
    }

    public override async Task HandleAsync(EventEnvelope e, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (e.Event is not MessageSent { Seq: var seq })
        {
            return;
        }

        var conversationId = e.ConversationId!.Value;
        var db = services.GetRequiredService<MinwonDbContext>();
        var thread = await db.Set<ChannelThread>().AsNoTracking().FirstOrDefaultAsync(t => t.ConversationId == conversationId, cancellationToken);
        if (thread is null || services.GetRequiredService<ChannelRegistry>().Find(thread.Channel) is not { } adapter
            || await db.Set<ChannelOutboxItem>().AnyAsync(o => o.ConversationId == conversationId && o.Seq == seq, cancellationToken))
        {
            return;
        }

        var message = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq == seq)
            .Select(m => new { m.Body, m.Sender, m.SenderName })
            .FirstOrDefaultAsync(cancellationToken);
        if (message is null || message.SenderName == ReceiveChannelMessage.DeskNoteName)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        // A counsellor's reply was checked against the channel's limits before it was stored (PostMessage); the bot's
        // and the system's lines are made to fit, a long answer cut with a link to the whole of it.
        var text = message.Sender == MessageSender.Agent ? message.Body
            : adapter.Fit(message.Body, await MoreUrlAsync(db, services, conversationId, cancellationToken));
        var addressKey = ContactKeys.AddressKey(thread.Channel, thread.CitizenAddress);
        var optedOut = await db.Set<ChannelOptOut>().AnyAsync(o => o.Channel == thread.Channel
            && o.Address == addressKey,
            cancellationToken);
        var item = new ChannelOutboxItem
        {
            ConversationId = conversationId,
            Seq = seq,
            Channel = thread.Channel,
            ExternalId = adapter.NewExternalId(conversationId, seq),
            To = thread.CitizenAddress,
            From = thread.OwnAddress,
            Text = text,
            Kind = adapter.KindOf(text),
            Status = optedOut ? DeliveryStatus.OptedOut : DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Add(item);
        if (thread.Channel == Conversations.Channels.Email)
        {
            // The reply's Message-ID threads the citizen's answer to it back to this conversation.
            db.Add(new ChannelMessage { Channel = thread.Channel, ExternalId = item.ExternalId, ConversationId = conversationId, Seq = seq, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<ChannelOutboxItem>().AnyAsync(o => o.ConversationId == conversationId && o.Seq == seq, cancellationToken))
            {
                return;
            }

            throw;
        }

        services.GetRequiredService<ChannelOutboxSignal>().Pulse();
    }

    private static async Task<string> MoreUrlAsync(MinwonDbContext db, IServiceProvider services, Guid conversationId, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<ChannelOptions>>().Value;
        var baseUrl = options.PublicBaseUrl is { Length: > 0 } own ? own
            : services.GetRequiredService<IOptions<VisualArs.ArsOptions>>().Value.PublicBaseUrl is { Length: > 0 } ars ? ars : "http://localhost:5000";
        var article = await db.Set<Chatbot.BotSession>().AsNoTracking().Where(s => s.ConversationId == conversationId)
            .Select(s => s.LastArticleId).FirstOrDefaultAsync(ct);
        var title = article is null ? null
            : await db.Set<Knowledge.Article>().AsNoTracking().Where(a => a.Id == article).Select(a => a.Title).FirstOrDefaultAsync(ct);
        // The visual ARS search finds the article by its title; without one, the visual ARS menu itself.
        return baseUrl.TrimEnd('/') + (title is null ? "/ars" : "/ars/search?q=" + Uri.EscapeDataString(title));
    }
}
