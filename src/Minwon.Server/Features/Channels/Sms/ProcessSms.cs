using Microsoft.Extensions.Options;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>The inbound consumer's side of an SMS (<see cref="ProcessChannelInbox"/>): its photos fetched, then the message stored once.</summary>
public sealed class ProcessSms(ReceiveChannelMessage receive, SmsMediaFetcher media, IOptions<ChannelOptions> options)
{
    /// <summary>Makes an accepted SMS a conversation message: fetches its photos, then stores it once (the inbound consumer calls this).</summary>
    public async Task<InboundResult> ProcessAsync(string messageId, SmsInboundRequest request, CancellationToken cancellationToken)
    {
        if (await receive.SeenAsync(Conversations.Channels.Sms, messageId, cancellationToken))
        {
            return InboundResult.Duplicate;
        }

        var from = request.From!;
        var to = request.To!;
        var urls = (request.Media ?? []).Select(m => new Uri(m.Url!)).ToList();
        var photos = new List<InboundPhoto>();
        var refused = new List<string>();
        var max = Math.Max(0, options.Value.Sms.MaxMediaCount);
        foreach (var url in urls.Take(max))
        {
            var (content, refusal) = await media.FetchAsync(url, cancellationToken);
            if (content is not null)
            {
                photos.Add(new InboundPhoto(content));
            }
            else
            {
                refused.Add(refusal!);
            }
        }

        if (urls.Count > max)
        {
            refused.Add($"사진은 한 번에 {max}장까지 받을 수 있습니다.");
        }

        return await receive.HandleAsync(new InboundMessage(Conversations.Channels.Sms, messageId, from, ContactKeys.PhoneDigits(from),
            ContactKeys.Phone(from), to, request.Text ?? "", request.ReceivedAt ?? DateTimeOffset.MinValue, photos, refused.Distinct().ToList(), CanOptOut: true), cancellationToken);
    }

}
