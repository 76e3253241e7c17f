using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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
/// token; 2xx is accepted and X's dm_event_id recorded on the outbox row. Texts up to 10,000 characters.
/// </summary>
/// <remarks>
/// X's DM API takes no idempotency key, and a timeout or 5xx can come after X posted the DM. So every try is recorded before
/// it goes out, and a later try first reads the conversation's recent DM events
/// (GET /2/dm_conversations/with/{user id}/dm_events): a DM from our account with the same text (links compared as links,
/// since X shortens them), created after the reply was queued and not recorded for another reply, is that earlier try; it is
/// recorded and nothing is posted again. When X will not answer the lookup, nothing is posted: a transient failure waits for
/// the next try, a refusal (401/403: the token lacks dm.read) puts a note on the desk.
/// </remarks>
public sealed partial class XChannel(HttpClient http, IOptions<ChannelOptions> options, IServiceScopeFactory scopes) : IChannelAdapter
{
    public const int MaxChars = 10_000;

    /// <summary>How far back (before the reply was queued) a DM may be dated and still be taken as its earlier try: clocks differ.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

    public string Channel => Conversations.Channels.X;

    public bool RecordsTryBeforeSending => true;

    public string? CheckReply(string text) => MessengerText.Check("X(트위터) DM", MaxChars, text);

    public string Fit(string text, string moreUrl) => MessengerText.Fit(MaxChars, text, moreUrl);

    public string NewExternalId(Guid conversationId, int seq) => $"mw-{conversationId:N}-{seq}";

    public string KindOf(string text) => "text";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value.X;
        var conversation = $"{o.ApiBaseUrl.TrimEnd('/')}/2/dm_conversations/with/{Uri.EscapeDataString(delivery.To)}";
        if (delivery.Attempt > 1 && await FindEarlierTryAsync(o, conversation, delivery, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var answer = await ChannelHttp.PostAsync(http, "X", conversation + "/messages", r => r.Headers.Authorization = new("Bearer", o.AccessToken),
            new { text = delivery.Text }, o.TimeoutSeconds, cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? MessengerWebhook.String(data, "dm_event_id") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The id of a DM an earlier try of this reply already posted, or null when there is none.</summary>
    private async Task<string?> FindEarlierTryAsync(XChannelOptions o, string conversation, OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var url = conversation + "/dm_events?event_types=MessageCreate&dm_event.fields=id,text,sender_id,created_at&max_results=50";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", o.AccessToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        string body;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var transient = status >= 500 || status is 408 or 429;
                throw new ChannelSendException(transient
                    ? $"X answered {status} to the DM lookup; the reply is not posted again until X says whether the earlier try went through"
                    : $"X refused the DM lookup ({status}; does the token have dm.read?), so it cannot tell whether the earlier try was posted", transient);
            }

            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelSendException("X did not answer the DM lookup in time", transient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new ChannelSendException("X could not be reached for the DM lookup", transient: true, e);
        }

        var wanted = Comparable(delivery.Text);
        var since = (delivery.QueuedAt ?? DateTimeOffset.MinValue.AddDays(1)) - ClockSkew;
        var candidates = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("data", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return null; // no DM events in this conversation
            }

            foreach (var e in events.EnumerateArray())
            {
                var sender = MessengerWebhook.String(e, "sender_id");
                var ours = o.AccountId.Length > 0 ? sender == o.AccountId : sender is not null && sender != delivery.To;
                var at = DateTimeOffset.TryParse(MessengerWebhook.String(e, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                    out var created) ? created : (DateTimeOffset?)null;
                if (ours && MessengerWebhook.String(e, "id") is { } id && at is { } when && when >= since
                    && Comparable(MessengerWebhook.String(e, "text") ?? "") == wanted)
                {
                    candidates.Add(id);
                }
            }
        }
        catch (JsonException e)
        {
            throw new ChannelSendException("X's DM lookup answer could not be read", transient: true, e);
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<Data.MinwonDbContext>().Set<ChannelOutboxItem>().AsNoTracking()
            .Where(i => i.Channel == Conversations.Channels.X && i.ProviderMessageId != null && candidates.Contains(i.ProviderMessageId)
                && i.ExternalId != delivery.ExternalId)
            .Select(i => i.ProviderMessageId!).ToListAsync(cancellationToken);
        // X lists newest first: the oldest unclaimed one is the first try.
        return candidates.Where(c => !claimed.Contains(c)).LastOrDefault();
    }

    /// <summary>The text as X may show it back: entities decoded, each link as one token (X shortens them), spaces collapsed.</summary>
    public static string Comparable(string text) =>
        Spaces().Replace(Links().Replace(System.Net.WebUtility.HtmlDecode(text), "<link>"), " ").Trim();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
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

            // Validated as a whole first: a malformed event refuses the delivery before anything is stored. Then one
            // store operation for the whole delivery (one transaction, each event id once: a repeat inside the delivery or
            // from an earlier one is skipped by the inbox's unique index).
            await inbox.AcceptManyAsync(Conversations.Channels.X, accepted, ct);

            return TypedResults.Ok();
        }).Accepts<JsonElement>("application/json").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("X Account Activity events (x-twitter-webhooks-signature); direct messages are stored once per event id");
    }
}
