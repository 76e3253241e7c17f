using Microsoft.Extensions.Options;
using Minwon.Core.Channels;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>
/// The generic SMS/MMS HTTP gateway: POST {messageId, to, from, text} to Minwon:Channels:Sms:OutboundUrl with the
/// outbound key as X-Api-Key. 2xx is accepted; 5xx, 408, 429, timeouts and no connection are tried again; any
/// other answer is a refusal. Length is counted in EUC-KR bytes: SMS up to 90, LMS up to 2,000, longer never sent.
/// With Sms:Provider "solapi" replies go through SOLAPI's message API instead (<see cref="SolapiSms"/>); the limits are the same.
/// </summary>
public sealed class SmsChannel(HttpClient http, IOptions<ChannelOptions> options, TimeProvider clock) : IChannelAdapter
{
    public string Channel => Conversations.Channels.Sms;

    public string? CheckReply(string text)
    {
        var bytes = SmsLength.Bytes(text);
        return bytes > SmsLength.LmsBytes
            ? $"문자 상담은 한 번에 {SmsLength.LmsBytes:N0}바이트(한글 약 1,000자)까지 보낼 수 있습니다. 지금 답변은 {bytes:N0}바이트입니다. 나누어 보내 주세요."
            : null;
    }

    public string Fit(string text, string moreUrl)
    {
        if (SmsLength.KindOf(text) != SmsKind.TooLong)
        {
            return text;
        }

        var more = "\n… 전체 내용: " + moreUrl;
        return SmsLength.Cut(text, SmsLength.LmsBytes - SmsLength.Bytes(more)).TrimEnd() + more;
    }

    public string NewExternalId(Guid conversationId, int seq) => $"mw-{conversationId:N}-{seq}";

    public string KindOf(string text) => SmsLength.KindOf(text) == SmsKind.Sms ? "sms" : "lms";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.Sms;
        if (string.Equals(o.Provider, "solapi", StringComparison.OrdinalIgnoreCase))
        {
            return await SolapiSms.SendAsync(http, o.Solapi, delivery, clock, o.TimeoutSeconds, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(o.OutboundUrl))
        {
            throw new ChannelSendException("Minwon:Channels:Sms:OutboundUrl is not set", transient: true);
        }

        await ChannelHttp.PostAsync(http, "the SMS gateway", o.OutboundUrl, r => r.Headers.TryAddWithoutValidation("X-Api-Key", o.OutboundApiKey),
            new SmsOutbound(delivery.ExternalId, delivery.To, delivery.From, delivery.Text), o.TimeoutSeconds, cancellationToken);
        return null;
    }
}

/// <summary>The outbound body, exactly the contract's four fields.</summary>
public sealed record SmsOutbound(string MessageId, string To, string From, string Text);
