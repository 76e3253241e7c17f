using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Core.Channels;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>
/// The generic SMS/MMS HTTP gateway: POST {messageId, to, from, text} to Minwon:Channels:Sms:OutboundUrl with the
/// outbound key as X-Api-Key. 2xx is accepted; 5xx, 408, 429, timeouts and no connection are tried again; any
/// other answer is a refusal. Length is counted in EUC-KR bytes: SMS up to 90, LMS up to 2,000, longer never sent.
/// </summary>
public sealed class SmsChannel(HttpClient http, IOptions<ChannelOptions> options) : IChannelAdapter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Hangul as it is, not \uXXXX escapes: the gateway may count or log the raw body.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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

    public async Task SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(o.OutboundUrl))
        {
            throw new ChannelSendException("Minwon:Channels:Sms:OutboundUrl is not set", transient: true);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.OutboundUrl)
        {
            // Serialized up front so the request carries Content-Length: simple gateways do not read chunked bodies.
            Content = new StringContent(JsonSerializer.Serialize(new SmsOutbound(delivery.ExternalId, delivery.To, delivery.From, delivery.Text), Json),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Api-Key", o.OutboundApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelSendException("the SMS gateway did not answer in time", transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelSendException("the SMS gateway could not be reached", transient: true, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retry = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new ChannelSendException($"the SMS gateway answered {status}", retry);
            }
        }
    }
}

/// <summary>The outbound body, exactly the contract's four fields.</summary>
public sealed record SmsOutbound(string MessageId, string To, string From, string Text);
