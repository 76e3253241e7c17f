using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Messengers;

/// <summary>X direct messages: the Account Activity API webhook and the DM API (docs/channels.md, "X").</summary>
public sealed class XChannelOptions
{
    /// <summary>The app's consumer secret (API secret): the CRC answer and every event's signature are HMAC-SHA256 with it. Empty: all refused.</summary>
    public string ConsumerSecret { get; set; } = "";

    /// <summary>A user-context access token of our account with dm.write, sent as "Authorization: Bearer …".</summary>
    public string AccessToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://api.x.com";

    /// <summary>Our account's numeric user id: events it sent itself (our replies echoed back) are passed over.</summary>
    public string AccountId { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// The X adapter: a reply is POST {ApiBaseUrl}/2/dm_conversations/with/{user id}/messages {"text": …} with the bearer
/// token; 2xx is accepted. Texts up to 10,000 characters.
/// </summary>
public sealed class XChannel(HttpClient http, IOptions<ChannelOptions> options) : IChannelAdapter
{
    public const int MaxChars = 10_000;

    public string Channel => Conversations.Channels.X;

    public string? CheckReply(string text) => MessengerText.Check("X(트위터) DM", MaxChars, text);

    public string Fit(string text, string moreUrl) => MessengerText.Fit(MaxChars, text, moreUrl);

    public string NewExternalId(Guid conversationId, int seq) => $"mw-{conversationId:N}-{seq}";

    public string KindOf(string text) => "text";

    public Task SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.X;
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/2/dm_conversations/with/{Uri.EscapeDataString(delivery.To)}/messages";
        return ChannelHttp.PostAsync(http, "X", url, r => r.Headers.Authorization = new("Bearer", o.AccessToken),
            new { text = delivery.Text }, o.TimeoutSeconds, cancellationToken);
    }
}

public sealed record XCrcResponse(string Response_token);

/// <summary>The Account Activity webhook: GET answers the CRC challenge, POST takes events signed with x-twitter-webhooks-signature.</summary>
public static class XWebhook
{
    public static string Sign(string secret, byte[] data) => "sha256=" + MessengerWebhook.HmacBase64(secret, data);

    public static void Map(RouteGroupBuilder channels)
    {
        channels.MapGet("/x/webhook", (string? crc_token, IOptions<ChannelOptions> options) =>
        {
            var secret = options.Value.X.ConsumerSecret;
            if (secret.Length == 0)
            {
                throw MessengerWebhook.Unauthorized("Minwon:Channels:X:ConsumerSecret이 설정되지 않았습니다.");
            }

            if (string.IsNullOrEmpty(crc_token) || crc_token.Length > 1000)
            {
                throw ProblemException.Invalid("crc_token이 필요합니다.");
            }

            return TypedResults.Json(new Dictionary<string, string> { ["response_token"] = Sign(secret, Encoding.UTF8.GetBytes(crc_token)) });
        }).AllowAnonymous().Produces<Dictionary<string, string>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("X Account Activity CRC: response_token = sha256=base64(HMAC-SHA256(consumer secret, crc_token))");

        channels.MapPost("/x/webhook", async Task<IResult> (HttpContext http, ChannelInbox inbox, IOptions<ChannelOptions> options, TimeProvider clock,
            CancellationToken ct) =>
        {
            var o = options.Value.X;
            var root = await MessengerWebhook.ReadSignedAsync(http.Request, o.ConsumerSecret, "x-twitter-webhooks-signature", Sign, ct);
            if (!root.TryGetProperty("direct_message_events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                // Other activity (follows, likes, typing) is not a message.
                return TypedResults.Ok();
            }

            var self = MessengerWebhook.String(root, "for_user_id") ?? o.AccountId;
            var accepted = new List<(string Id, QueuedMessage Message)>();
            foreach (var e in events.EnumerateArray())
            {
                if (MessengerWebhook.String(e, "type") != "message_create")
                {
                    continue;
                }

                var id = MessengerWebhook.Id(MessengerWebhook.String(e, "id"), "direct_message_events[].id");
                var create = MessengerWebhook.Object(e, "message_create");
                var sender = MessengerWebhook.Id(MessengerWebhook.String(create, "sender_id"), "message_create.sender_id");
                if (sender == self || (o.AccountId.Length > 0 && sender == o.AccountId))
                {
                    continue; // our own reply, echoed to us
                }

                var data = MessengerWebhook.Object(create, "message_data");
                var text = MessengerWebhook.Text(MessengerWebhook.String(data, "text"), "message_data.text");
                var at = long.TryParse(MessengerWebhook.String(e, "created_timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : clock.GetUtcNow();
                List<string> refused = MessengerWebhook.Object(data, "attachment").ValueKind == JsonValueKind.Object
                    ? ["X DM의 첨부파일은 아직 받을 수 없습니다. 사진은 문자(MMS)나 전자우편으로 보내 주세요."] : [];
                accepted.Add((id, new QueuedMessage(sender, sender, ContactKeys.Messenger("x", sender), self, text, at, refused)));
            }

            // Validated as a whole first: a malformed event refuses the delivery before anything is stored.
            foreach (var (id, message) in accepted)
            {
                await inbox.AcceptAsync(Conversations.Channels.X, id, message, ct);
            }

            return TypedResults.Ok();
        }).Accepts<JsonElement>("application/json").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("X Account Activity events (x-twitter-webhooks-signature); direct messages are stored once per event id");
    }
}
