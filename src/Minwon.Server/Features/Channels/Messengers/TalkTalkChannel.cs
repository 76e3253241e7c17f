using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Messengers;

/// <summary>Naver TalkTalk (네이버 톡톡) partner chatbot API v1 (docs/channels.md, "Naver TalkTalk").</summary>
public sealed class TalkTalkChannelOptions
{
    /// <summary>The secret in the webhook URL registered in the partner center (…/webhook?token=…). Empty: every event is refused.</summary>
    public string WebhookToken { get; set; } = "";

    /// <summary>The partner's send-API key, sent as the Authorization header.</summary>
    public string AuthorizationKey { get; set; } = "";

    public string SendUrl { get; set; } = "https://gw.talk.naver.com/chatbot/v1/event";

    /// <summary>Our TalkTalk account (e.g. wc1234), recorded as the address the citizen wrote to.</summary>
    public string PartnerId { get; set; } = "seoul120";

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// The TalkTalk adapter: replies go to the send API (POST {"event":"send","user":…,"textContent":{"text":…}} with the
/// partner's Authorization header; 200 with "success": true is accepted, "success": false a refusal); texts up to 10,000
/// characters.
/// </summary>
public sealed class TalkTalkChannel(HttpClient http, IOptions<ChannelOptions> options) : IChannelAdapter
{
    public const int MaxChars = 10_000;

    public string Channel => Conversations.Channels.TalkTalk;

    public string? CheckReply(string text) => MessengerText.Check("네이버 톡톡", MaxChars, text);

    public string Fit(string text, string moreUrl) => MessengerText.Fit(MaxChars, text, moreUrl);

    public string NewExternalId(Guid conversationId, int seq) => $"mw-{conversationId:N}-{seq}";

    public string KindOf(string text) => "text";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.TalkTalk;
        var answer = await ChannelHttp.PostAsync(http, "TalkTalk", o.SendUrl, r => r.Headers.TryAddWithoutValidation("Authorization", o.AuthorizationKey),
            new { @event = "send", user = delivery.To, textContent = new { text = delivery.Text } }, o.TimeoutSeconds, cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
            {
                throw new ChannelSendException("TalkTalk refused the message (resultCode " + MessengerWebhook.String(json.RootElement, "resultCode") + ")", transient: false);
            }
        }
        catch (JsonException)
        {
            // A 2xx without a JSON body is taken as accepted.
        }

        return null;
    }
}

/// <summary>TalkTalk's webhook: open, leave and friend are acknowledged (nothing stored); send with text becomes a message.</summary>
public static class TalkTalkWebhook
{
    public static void Map(RouteGroupBuilder channels)
    {
        channels.MapPost("/talktalk/webhook", async Task<IResult> (HttpContext http, ChannelInbox inbox, IOptions<ChannelOptions> options, CancellationToken ct) =>
        {
            var o = options.Value.TalkTalk;
            if (!Platform.SharedKey.Matches(o.WebhookToken, http.Request.Query["token"].ToString()))
            {
                throw MessengerWebhook.Unauthorized("웹훅 주소의 token이 Minwon:Channels:TalkTalk:WebhookToken과 맞지 않습니다.");
            }

            var body = await MessengerWebhook.ReadBodyAsync(http.Request, ct);
            var root = MessengerWebhook.Parse(body);
            var kind = MessengerWebhook.String(root, "event");
            if (kind is "open" or "leave" or "friend" or "echo" or "profile")
            {
                return TypedResults.Ok();
            }

            if (kind != "send")
            {
                throw ProblemException.Invalid("event는 open, leave, friend, send 중 하나여야 합니다.");
            }

            var user = MessengerWebhook.Id(MessengerWebhook.String(root, "user"), "user");
            var textContent = MessengerWebhook.Object(root, "textContent");
            var image = MessengerWebhook.Object(root, "imageContent");
            string text;
            List<string> refused = [];
            if (textContent.ValueKind == JsonValueKind.Object)
            {
                text = MessengerWebhook.Text(MessengerWebhook.String(textContent, "text"), "textContent.text");
            }
            else if (image.ValueKind == JsonValueKind.Object)
            {
                text = "";
                refused.Add("톡톡 사진은 아직 받을 수 없습니다. 사진은 문자(MMS)나 전자우편으로 보내 주세요.");
            }
            else
            {
                throw ProblemException.Invalid("send 이벤트에 textContent 또는 imageContent가 없습니다.");
            }

            // TalkTalk's send event carries no message id (its identifiers are the user and the content), and TalkTalk
            // does not deliver an event again: an answer other than 200 is logged on its side as a failure
            // (github.com/navertalk/chatbot-api, "이벤트 기본 구조"). So every delivery is a message of its own, with an id
            // made here at arrival; a hash of the body would merge two identical messages (a citizen sending "네" twice).
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var id = "tt-" + Guid.CreateVersion7(now).ToString("N");
            await inbox.AcceptAsync(Conversations.Channels.TalkTalk, id, new QueuedMessage(user, user, ContactKeys.Messenger("naver", user),
                o.PartnerId, text, now, refused), ct);
            return TypedResults.Ok();
        }).Accepts<JsonElement>("application/json").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Naver TalkTalk partner chatbot webhook (open, send, leave, friend); ?token= is the shared secret");
    }
}
