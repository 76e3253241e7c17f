using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>One message a fake partner API accepted: the channel, the citizen it was addressed to, the text, our id if sent.</summary>
public sealed record PartnerPost(string Channel, string To, string Text, string? Id);

/// <summary>
/// FAKES of three outside messenger APIs, each a real HTTP server on a free loopback port that checks what the published
/// formats require and records what it accepted:
/// - Naver TalkTalk's send API (POST /chatbot/v1/event, header Authorization = the partner key, {"event":"send","user",
///   "textContent":{"text"}}; answers {"success":true,"resultCode":"00"});
/// - a KakaoTalk consultation-talk dealer's send API as docs/channels.md documents it (POST /v1/message, Authorization:
///   KakaoAK key, {sender_key, user_key, serial_number, message_type "TX", message}; answers {"code":"0000"});
/// - X's DM API (POST /2/dm_conversations/with/{participant}/messages, Authorization: Bearer token, {"text"}; answers 201
///   {"data":{"dm_conversation_id","dm_event_id"}}) and its DM lookup (GET /2/dm_conversations/with/{participant}/dm_events:
///   {"data":[{"id","text","event_type":"MessageCreate","sender_id","created_at"}]}, newest first, links shortened to t.co
///   as X does).
/// They deliver nothing to anyone; they stand at the seam where Minwon talks to Naver, a Kakao dealer and X.
/// </summary>
public sealed class FakeMessengerPartners : IAsyncDisposable
{
    public const string TalkTalkKey = "fake-talktalk-partner-key";
    public const string KakaoKey = "fake-kakao-dealer-key";
    public const string XToken = "fake-x-user-token";

    private WebApplication app = null!;

    public ConcurrentQueue<PartnerPost> Accepted { get; } = new();

    /// <summary>Requests refused for a wrong key or a body not in the provider's format.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public int Tries => tries;

    private int tries;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The next <paramref name="count"/> sends to <paramref name="to"/> (any channel) are answered 503.</summary>
    public void FailNextTo(string to, int count) => failuresFor[to] = count;

    private readonly ConcurrentDictionary<string, int> failuresFor = new();

    private readonly ConcurrentDictionary<string, int> lostAnswersFor = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Id, string Text, DateTimeOffset At)>> xEvents = new();

    /// <summary>Our X account (the token's user): the sender of the DMs the fake posts.</summary>
    public string XAccountId { get; set; } = "1200000001";

    /// <summary>The fake's clock for created_at (the app's fake clock in tests).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => TimeProvider.System.GetUtcNow();

    /// <summary>DM lookups answered (GET dm_events).</summary>
    public int XLookups => xLookups;

    private int xLookups;

    /// <summary>The next <paramref name="count"/> X DMs to <paramref name="to"/> are posted (the citizen gets them) but answered 503,
    /// as when X's answer is lost after it posted: a sender that simply tries again posts the DM twice.</summary>
    public void PostButLoseAnswerTo(string to, int count) => lostAnswersFor[to] = count;

    public static async Task<FakeMessengerPartners> StartAsync()
    {
        var fake = new FakeMessengerPartners();
        fake.app = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapPost("/chatbot/v1/event", (Delegate)fake.TalkTalkAsync);
            app.MapPost("/v1/message", (Delegate)fake.KakaoAsync);
            app.MapPost("/2/dm_conversations/with/{participant}/messages", (Delegate)fake.XAsync);
            app.MapGet("/2/dm_conversations/with/{participant}/dm_events", (Delegate)fake.XEventsAsync);
        });
        fake.BaseUrl = fake.app.Urls.Single();
        return fake;
    }

    private bool Outage(string to)
    {
        Interlocked.Increment(ref tries);
        return failuresFor.TryGetValue(to, out var left) && left > 0 && failuresFor.TryUpdate(to, left - 1, left);
    }

    private async Task<IResult> TalkTalkAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization != TalkTalkKey)
        {
            Rejected.Enqueue("talktalk key");
            return Results.Json(new { success = false, resultCode = "02", resultMessage = "인증 실패" }, statusCode: 401);
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var root = json.RootElement;
        if (root.GetProperty("event").GetString() != "send" || !root.TryGetProperty("user", out var user)
            || !root.TryGetProperty("textContent", out var content) || content.GetProperty("text").GetString() is not { } text)
        {
            Rejected.Enqueue("talktalk body");
            return Results.Json(new { success = false, resultCode = "01" });
        }

        if (Outage(user.GetString()!))
        {
            return Results.StatusCode(503);
        }

        Accepted.Enqueue(new PartnerPost("talktalk", user.GetString()!, text, null));
        return Results.Json(new { success = true, resultCode = "00" });
    }

    private async Task<IResult> KakaoAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization != "KakaoAK " + KakaoKey)
        {
            Rejected.Enqueue("kakao key");
            return Results.Json(new { code = "1001", message = "unauthorized" }, statusCode: 401);
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var root = json.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).Order().ToArray();
        if (!names.SequenceEqual(["message", "message_type", "sender_key", "serial_number", "user_key"]) || root.GetProperty("message_type").GetString() != "TX")
        {
            Rejected.Enqueue("kakao body: " + string.Join(",", names));
            return Results.Json(new { code = "2001", message = "bad request" });
        }

        if (Outage(root.GetProperty("user_key").GetString()!))
        {
            return Results.StatusCode(503);
        }

        Accepted.Enqueue(new PartnerPost("kakao", root.GetProperty("user_key").GetString()!, root.GetProperty("message").GetString()!,
            root.GetProperty("serial_number").GetString()));
        return Results.Json(new { code = "0000" });
    }

    private async Task<IResult> XAsync(HttpContext http, string participant)
    {
        if (http.Request.Headers.Authorization != "Bearer " + XToken)
        {
            Rejected.Enqueue("x token");
            return Results.Json(new { title = "Unauthorized", status = 401 }, statusCode: 401);
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        if (!json.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            Rejected.Enqueue("x body");
            return Results.Json(new { title = "Invalid Request", status = 400 }, statusCode: 400);
        }

        if (Outage(participant))
        {
            return Results.StatusCode(503);
        }

        var id = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Accepted.Enqueue(new PartnerPost("x", participant, text.GetString()!, id));
        // X keeps the DM with its links shortened, and shows it back that way.
        var shown = System.Text.RegularExpressions.Regex.Replace(text.GetString()!, @"https?://\S+", "https://t.co/AbCdEf1234");
        xEvents.GetOrAdd(participant, _ => new()).Enqueue((id, shown, Clock()));
        if (lostAnswersFor.TryGetValue(participant, out var lost) && lost > 0 && lostAnswersFor.TryUpdate(participant, lost - 1, lost))
        {
            return Results.StatusCode(503);
        }

        return Results.Json(new { data = new { dm_conversation_id = "1-" + participant, dm_event_id = id } }, statusCode: 201);
    }

    private IResult XEventsAsync(HttpContext http, string participant)
    {
        if (http.Request.Headers.Authorization != "Bearer " + XToken)
        {
            Rejected.Enqueue("x lookup token");
            return Results.Json(new { title = "Unauthorized", status = 401 }, statusCode: 401);
        }

        Interlocked.Increment(ref xLookups);
        var events = (xEvents.GetValueOrDefault(participant)?.ToArray() ?? []).Reverse().Select(e => new
        {
            id = e.Id, text = e.Text, event_type = "MessageCreate", sender_id = XAccountId,
            created_at = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray();
        return events.Length == 0 ? Results.Json(new { meta = new { result_count = 0 } }) : Results.Json(new { data = events, meta = new { result_count = events.Length } });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
