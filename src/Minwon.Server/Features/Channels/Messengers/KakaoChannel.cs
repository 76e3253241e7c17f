using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Messengers;

/// <summary>KakaoTalk consultation talk (카카오톡 상담톡) through a dealer's relay (docs/channels.md, "KakaoTalk").</summary>
public sealed class KakaoChannelOptions
{
    /// <summary>Shared with the dealer: every webhook carries X-Kakao-Signature = base64(HMAC-SHA256(secret, body)). Empty: all refused.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Our channel's sender key (발신 프로필 키) at the dealer.</summary>
    public string SenderKey { get; set; } = "";

    /// <summary>The dealer's send API and its key (sent as "Authorization: KakaoAK …").</summary>
    public string SendUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// The KakaoTalk consultation-talk adapter: a reply is POST {SendUrl} {"sender_key", "user_key", "serial_number",
/// "message_type": "TX", "message"} with "Authorization: KakaoAK {ApiKey}"; 2xx with "code": "0000" is accepted, another
/// code a refusal. Texts up to 1,000 characters.
/// </summary>
public sealed class KakaoChannel(HttpClient http, IOptions<ChannelOptions> options) : IChannelAdapter
{
    public const int MaxChars = 1000;

    public string Channel => Conversations.Channels.Kakao;

    public string? CheckReply(string text) => MessengerText.Check("카카오톡 상담톡", MaxChars, text);

    public string Fit(string text, string moreUrl) => MessengerText.Fit(MaxChars, text, moreUrl);

    public string NewExternalId(Guid conversationId, int seq) => $"mw-{conversationId:N}-{seq}";

    public string KindOf(string text) => "text";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.Kakao;
        var answer = await ChannelHttp.PostAsync(http, "Kakao dealer", o.SendUrl,
            r => r.Headers.TryAddWithoutValidation("Authorization", "KakaoAK " + o.ApiKey),
            new Dictionary<string, string>
            {
                ["sender_key"] = delivery.From, ["user_key"] = delivery.To, ["serial_number"] = delivery.ExternalId, ["message_type"] = "TX",
                ["message"] = delivery.Text,
            }, o.TimeoutSeconds, cancellationToken);
        string? code;
        try
        {
            using var json = JsonDocument.Parse(answer);
            code = MessengerWebhook.String(json.RootElement, "code");
        }
        catch (JsonException)
        {
            code = null;
        }

        if (code != "0000")
        {
            throw new ChannelSendException($"the Kakao dealer refused the message (code {code ?? "none"})", transient: false);
        }

        return null;
    }
}

/// <summary>The dealer's webhook: "message" events become messages; "start", "end" and "expired" are acknowledged.</summary>
public static class KakaoWebhook
{
    public static void Map(RouteGroupBuilder channels)
    {
        channels.MapPost("/kakao/webhook", async Task<IResult> (HttpContext http, ChannelInbox inbox, IOptions<ChannelOptions> options, TimeProvider clock,
            CancellationToken ct) =>
        {
            var o = options.Value.Kakao;
            var root = await MessengerWebhook.ReadSignedAsync(http.Request, o.WebhookSecret, "X-Kakao-Signature", MessengerWebhook.HmacBase64, ct);
            var kind = MessengerWebhook.String(root, "event");
            if (kind is "start" or "end" or "expired")
            {
                return TypedResults.Ok(new { code = "0000" });
            }

            if (kind != "message")
            {
                throw ProblemException.Invalid("event는 start, message, end, expired 중 하나여야 합니다.");
            }

            var id = MessengerWebhook.Id(MessengerWebhook.String(root, "serial_number"), "serial_number");
            var user = MessengerWebhook.Id(MessengerWebhook.String(root, "user_key"), "user_key");
            var sender = MessengerWebhook.Id(MessengerWebhook.String(root, "sender_key"), "sender_key");
            var type = MessengerWebhook.String(root, "type");
            string text;
            List<string> refused = [];
            switch (type)
            {
                case "text":
                    text = MessengerWebhook.Text(MessengerWebhook.String(root, "content"), "content");
                    break;
                case "photo" or "video" or "audio" or "file":
                    text = "";
                    refused.Add("카카오톡 상담톡의 사진·파일은 아직 받을 수 없습니다. 사진은 문자(MMS)나 전자우편으로 보내 주세요.");
                    break;
                default:
                    throw ProblemException.Invalid("type은 text, photo, video, audio, file 중 하나여야 합니다.");
            }

            var at = DateTimeOffset.TryParse(MessengerWebhook.String(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t : clock.GetUtcNow();
            await inbox.AcceptAsync(Conversations.Channels.Kakao, id,
                new QueuedMessage(user, user, ContactKeys.Messenger("kakao", user), sender, text, at, refused), ct);
            return TypedResults.Ok(new { code = "0000" });
        }).Accepts<JsonElement>("application/json").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("KakaoTalk consultation talk via the dealer's webhook (X-Kakao-Signature); stored once per serial_number");
    }
}
