using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.VisualArs;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>
/// The visual ARS's link texts through the same SMS gateway as conversation replies, at once (the caller is waiting on
/// the line), from Sms:From, and never to a number that opted out.
/// </summary>
public sealed class SmsLinkGateway(SmsChannel sms, MinwonDbContext db, IOptions<ChannelOptions> options) : ISmsGateway
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        var key = ContactKeys.AddressKey(Conversations.Channels.Sms, phoneNumber);
        if (await db.Set<ChannelOptOut>().AsNoTracking().AnyAsync(o => o.Channel == Conversations.Channels.Sms && o.Address == key, cancellationToken))
        {
            throw new SmsDeliveryException("The number opted out of text messages.");
        }

        try
        {
            await sms.SendAsync(new OutboundDelivery("ars-" + Guid.NewGuid().ToString("N"), phoneNumber, options.Value.Sms.From, text, sms.KindOf(text)),
                cancellationToken);
        }
        catch (ChannelSendException e)
        {
            throw new SmsDeliveryException(e.Message, e);
        }
    }
}
