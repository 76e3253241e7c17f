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
/// "channel-inbound") and hands each inbox row to <see cref="ReceiveChannelMessage"/>, which stores it once per provider
/// message id, so a redelivered event or a crash between the two is a no-op. The webhook answered 202 already.
/// </summary>
public sealed class ProcessChannelInbox : EventConsumer
{
    public override string Name => "channel-inbound";

    public override int BatchSize => 200;

    public override bool Wants(EventEnvelope e) => e.Event is ChannelMessageArrived;

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
            await services.GetRequiredService<ReceiveSms>().ProcessAsync(item.ExternalId, request, cancellationToken);
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
}
