using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app (SQLite) with the TalkTalk, KakaoTalk and X adapters pointed at <see cref="FakeMessengerPartners"/>, the bot on.</summary>
public sealed class MessengerChannelApp : IAsyncLifetime
{
    public const string TalkTalkToken = "test-talktalk-webhook-token";
    public const string KakaoSecret = "test-kakao-webhook-secret";
    public const string XSecret = "test-x-consumer-secret";
    public const string XAccount = "1200000001";
    public const string KakaoSender = "seoul120-sender-key";

    public FakeMessengerPartners Partners { get; private set; } = null!;

    public MinwonApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Partners = await FakeMessengerPartners.StartAsync();
        App = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "true",
            ["Minwon:Channels:PollMilliseconds"] = "50",
            ["Minwon:Channels:TalkTalk:WebhookToken"] = TalkTalkToken,
            ["Minwon:Channels:TalkTalk:AuthorizationKey"] = FakeMessengerPartners.TalkTalkKey,
            ["Minwon:Channels:TalkTalk:SendUrl"] = Partners.BaseUrl + "/chatbot/v1/event",
            ["Minwon:Channels:Kakao:WebhookSecret"] = KakaoSecret,
            ["Minwon:Channels:Kakao:ApiKey"] = FakeMessengerPartners.KakaoKey,
            ["Minwon:Channels:Kakao:SendUrl"] = Partners.BaseUrl + "/v1/message",
            ["Minwon:Channels:X:ConsumerSecret"] = XSecret,
            ["Minwon:Channels:X:AccessToken"] = FakeMessengerPartners.XToken,
            ["Minwon:Channels:X:ApiBaseUrl"] = Partners.BaseUrl,
            ["Minwon:Channels:X:AccountId"] = XAccount,
        });
        Partners.XAccountId = XAccount;
        Partners.Clock = () => App.Clock!.GetUtcNow();
        await using var scope = App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportArticles>().RunAsync(new StringReader(SmsChannelApp.Articles),
            TestContext.Current.CancellationToken);
        Assert.Empty(report.Problems);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Partners.DisposeAsync();
    }
}

/// <summary>
/// Naver TalkTalk, KakaoTalk consultation talk and X direct messages, each through its published webhook format:
/// inbound → bot answer → hand-off → counsellor reply → the partner's send API; a repeat stored once; a bad token or
/// signature a 401 problem with nothing stored; the X CRC challenge.
/// </summary>
public sealed class MessengerChannelTests(MessengerChannelApp fixture) : IClassFixture<MessengerChannelApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    private FakeMessengerPartners Partners => fixture.Partners;

    private static string NewUser(string channel) => channel switch
    {
        "x" => Random.Shared.NextInt64(10_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => channel + "-" + Guid.NewGuid().ToString("N")[..12],
    };

    private static string Hmac(string secret, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>A webhook exactly as the provider sends it; <paramref name="forge"/> signs with the wrong secret (or token).</summary>
    private async Task<HttpResponseMessage> WebhookAsync(string channel, string user, string id, string text, bool forge = false)
    {
        HttpRequestMessage request;
        switch (channel)
        {
            case "talktalk":
            {
                var body = JsonSerializer.Serialize(new { @event = "send", user, textContent = new { text, inputType = "typing" } });
                request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/talktalk/webhook?token=" + (forge ? "guess" : MessengerChannelApp.TalkTalkToken))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                break;
            }

            case "kakao":
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["event"] = "message", ["serial_number"] = id, ["user_key"] = user, ["sender_key"] = MessengerChannelApp.KakaoSender,
                    ["type"] = "text", ["content"] = text, ["time"] = "2026-12-06T09:00:00+09:00",
                });
                request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/kakao/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Kakao-Signature", Hmac(forge ? "not-the-secret" : MessengerChannelApp.KakaoSecret, body));
                break;
            }

            default:
            {
                var body = JsonSerializer.Serialize(new
                {
                    for_user_id = MessengerChannelApp.XAccount,
                    direct_message_events = new[]
                    {
                        new
                        {
                            type = "message_create", id, created_timestamp = "1765000000000",
                            message_create = new
                            {
                                target = new { recipient_id = MessengerChannelApp.XAccount }, sender_id = user,
                                message_data = new { text, entities = new { hashtags = Array.Empty<object>() } },
                            },
                        },
                    },
                });
                request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/x/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("x-twitter-webhooks-signature", "sha256=" + Hmac(forge ? "not-the-secret" : MessengerChannelApp.XSecret, body));
                break;
            }
        }

        using (request)
        {
            return await App.CreateDefaultClient().SendAsync(request, Ct);
        }
    }

    private async Task<PartnerPost> WaitForPostAsync(string channel, string to, Func<PartnerPost, bool> match)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Partners.Accepted.FirstOrDefault(p => p.Channel == channel && p.To == to && match(p)) is { } post)
            {
                return post;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail($"The fake {channel} API got no matching message for {to}; it got: "
            + string.Join(" | ", Partners.Accepted.Where(p => p.To == to).Select(p => p.Text)) + "; rejected: " + string.Join(" | ", Partners.Rejected));
        return null!;
    }

    private async Task<Conversation> ConversationOfAsync(string channel, string user)
    {
        for (var i = 0; i < 200; i++)
        {
            var found = await App.DbAsync(async db =>
            {
                var id = await db.Set<ChannelThread>().Where(t => t.Channel == channel && t.CitizenAddress == user)
                    .Select(t => (Guid?)t.ConversationId).FirstOrDefaultAsync(Ct);
                return id is null ? null : await db.Set<Conversation>().AsNoTracking().Include(c => c.Contact).FirstAsync(c => c.Id == id, Ct);
            });
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        throw new Xunit.Sdk.XunitException($"No {channel} conversation was stored for {user}.");
    }

    [Theory]
    [InlineData("talktalk")]
    [InlineData("kakao")]
    [InlineData("x")]
    public async Task A_message_gets_the_bot_answer_then_a_counsellor_whose_reply_goes_out_through_the_partner_api(string channel)
    {
        var user = NewUser(channel);
        using (var accepted = await WebhookAsync(channel, user, "in-1-" + user, "주차딱지 날라왔는데 어디서 내요"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await WaitForPostAsync(channel, user, p => p.Text.Contains("위택스", StringComparison.Ordinal));
        var conversation = await ConversationOfAsync(channel, user);
        Assert.Equal(channel, conversation.Channel);
        Assert.StartsWith(channel == "talktalk" ? "naver:" : channel + ":", conversation.Contact!.ExternalKey, StringComparison.Ordinal);

        using (var handoff = await WebhookAsync(channel, user, "in-2-" + user, "상담사 연결해주세요"))
        {
            Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        }

        await WaitForPostAsync(channel, user, p => p.Text.Contains("상담사에게 연결", StringComparison.Ordinal));
        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(conversation.Id, counsellor.Id);
        await counsellor.AcceptAsync(conversation.Id);
        using (var reply = await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages",
            new PostMessageRequest("과태료는 위택스에서 차량번호로 조회 후 내시면 됩니다.", null), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var sent = await WaitForPostAsync(channel, user, p => p.Text.StartsWith("과태료는 위택스에서", StringComparison.Ordinal));
        if (channel == "kakao")
        {
            Assert.Equal($"mw-{conversation.Id:N}-", sent.Id![..(conversation.Id.ToString("N").Length + 4)]);
        }

        var messages = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id));
        Assert.Single(messages, m => m.Sender == MessageSender.Citizen && m.Body.Contains("주차딱지", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Sender == MessageSender.Agent);
        Assert.Single(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.CitizenAddress == user)));
        var row = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ConversationId == conversation.Id && o.Text.StartsWith("과태료는"))));
        Assert.Equal(DeliveryStatus.Sent, row.Status);
    }

    [Fact]
    public async Task Two_identical_TalkTalk_messages_in_the_same_minute_are_both_kept()
    {
        // TalkTalk events carry no message id and are not delivered again, so the same text sent twice is two messages.
        var user = NewUser("talktalk");
        using (var first = await WebhookAsync("talktalk", user, "", "네"))
        using (var second = await WebhookAsync("talktalk", user, "", "네"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var conversation = await ConversationOfAsync("talktalk", user);
        var ids = await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == "talktalk"));
        List<Message> citizen = [];
        for (var i = 0; i < 200 && citizen.Count < 2; i++)
        {
            citizen = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Citizen));
            await Task.Delay(50, Ct);
        }

        Assert.Equal(2, citizen.Count);
        Assert.Equal(2, (await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ConversationId == conversation.Id && m.Inbound))).Count);
        Assert.All(ids, i => Assert.StartsWith("tt-", i.ExternalId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_X_delivery_of_several_events_is_stored_in_one_operation_once_per_event_id()
    {
        var user = NewUser("x");
        string Body(params (string Id, string Text)[] events) => JsonSerializer.Serialize(new
        {
            for_user_id = MessengerChannelApp.XAccount,
            direct_message_events = events.Select(e => new
            {
                type = "message_create", id = e.Id, created_timestamp = "1765000000000",
                message_create = new { target = new { recipient_id = MessengerChannelApp.XAccount }, sender_id = user, message_data = new { text = e.Text } },
            }),
        });
        async Task<HttpStatusCode> PostAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/x/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("x-twitter-webhooks-signature", "sha256=" + Hmac(MessengerChannelApp.XSecret, body));
            using var response = await App.CreateDefaultClient().SendAsync(request, Ct);
            return response.StatusCode;
        }

        // Three events, the third a repeat of the first inside the same delivery; then the whole delivery again.
        var delivery = Body(("b1-" + user, "가로등이 꺼졌어요"), ("b2-" + user, "사진 보낼게요"), ("b1-" + user, "가로등이 꺼졌어요"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(delivery));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(delivery));

        var rows = await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == "x" && i.ExternalId.EndsWith(user)));
        Assert.Equal(["b1-" + user, "b2-" + user], rows.Select(r => r.ExternalId).Order());
        var conversation = await ConversationOfAsync("x", user);
        List<ChannelMessage> inbound = [];
        for (var i = 0; i < 200 && inbound.Count < 2; i++)
        {
            inbound = await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ConversationId == conversation.Id && m.Inbound));
            await Task.Delay(50, Ct);
        }

        Assert.Equal(["b1-" + user, "b2-" + user], inbound.Select(m => m.ExternalId).Order());

        // A malformed event anywhere refuses the whole delivery: nothing of it is stored.
        var bad = Body(("b3-" + user, "새 메시지"), ("", "id 없음"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(bad));
        Assert.Empty(await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.ExternalId == "b3-" + user)));
    }

    [Theory]
    [InlineData("kakao")]
    [InlineData("x")]
    public async Task The_same_provider_message_twice_is_stored_once(string channel)
    {
        var user = NewUser(channel);
        using (var first = await WebhookAsync(channel, user, "dup-" + user, "갑자기 물이 안나와요"))
        using (var second = await WebhookAsync(channel, user, "dup-" + user, "갑자기 물이 안나와요"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var conversation = await ConversationOfAsync(channel, user);
        await WaitForPostAsync(channel, user, p => p.Text.Contains("아리수", StringComparison.Ordinal));
        Assert.Single(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Citizen)));
        // One provider id recorded for the conversation's one inbound message.
        Assert.Single(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ConversationId == conversation.Id && m.Inbound)));
    }

    [Theory]
    [InlineData("talktalk")]
    [InlineData("kakao")]
    [InlineData("x")]
    public async Task A_bad_signature_or_token_is_a_401_problem_and_nothing_is_stored(string channel)
    {
        var user = NewUser(channel);
        var inboxBefore = (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count;
        using var refused = await WebhookAsync(channel, user, "forged-" + user, "안녕하세요", forge: true);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(inboxBefore, (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count);
        await Task.Delay(300, Ct);
        Assert.Empty(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.CitizenAddress == user)));
    }

    [Theory]
    [InlineData("talktalk")]
    [InlineData("kakao")]
    [InlineData("x")]
    public async Task A_ten_thousand_character_korean_message_is_accepted_and_a_longer_one_is_a_400(string channel)
    {
        // 10,000 characters is what every messenger webhook accepts; stored as JSON in the inbox it must still fit.
        var text = string.Concat(Enumerable.Repeat("수도가 안 나와요 ", 1000))[..10_000];
        var user = NewUser(channel);
        using (var accepted = await WebhookAsync(channel, user, "long-" + user, text))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var conversation = await ConversationOfAsync(channel, user);
        var citizen = Assert.Single(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Citizen)));
        Assert.StartsWith("수도가 안 나와요 수도가", citizen.Body, StringComparison.Ordinal);

        var inboxBefore = (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count;
        var other = NewUser(channel);
        using var refused = await WebhookAsync(channel, other, "long-" + other, text + "요");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(inboxBefore, (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count);
    }

    /// <summary>A raw body to a messenger webhook, with the right token or signature unless <paramref name="signed"/> is false (then none at all).</summary>
    private async Task<HttpResponseMessage> RawWebhookAsync(string channel, byte[] body, string contentType, bool signed = true)
    {
        var secret = channel == "kakao" ? MessengerChannelApp.KakaoSecret : MessengerChannelApp.XSecret;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        using var request = new HttpRequestMessage(HttpMethod.Post, channel switch
        {
            "talktalk" => "/api/channels/talktalk/webhook" + (signed ? "?token=" + MessengerChannelApp.TalkTalkToken : ""),
            _ => $"/api/channels/{channel}/webhook",
        })
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (signed && channel == "kakao")
        {
            request.Headers.Add("X-Kakao-Signature", signature);
        }
        else if (signed && channel == "x")
        {
            request.Headers.Add("x-twitter-webhooks-signature", "sha256=" + signature);
        }

        return await App.CreateDefaultClient().SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("talktalk")]
    [InlineData("kakao")]
    [InlineData("x")]
    public async Task Oversize_malformed_non_json_and_unsigned_webhooks_are_problems_and_store_nothing(string channel)
    {
        var user = NewUser(channel);
        var valid = channel switch
        {
            "talktalk" => JsonSerializer.Serialize(new { @event = "send", user, textContent = new { text = "안녕하세요" } }),
            "kakao" => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["event"] = "message", ["serial_number"] = "bad-" + user, ["user_key"] = user, ["sender_key"] = MessengerChannelApp.KakaoSender,
                ["type"] = "text", ["content"] = "안녕하세요",
            }),
            _ => JsonSerializer.Serialize(new
            {
                for_user_id = MessengerChannelApp.XAccount,
                direct_message_events = new[] { new { type = "message_create", id = "bad-" + user, message_create = new { sender_id = user, message_data = new { text = "안녕하세요" } } } },
            }),
        };
        var inboxBefore = (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count;
        var cases = new (byte[] Body, string ContentType, bool Signed, HttpStatusCode Expected)[]
        {
            (new byte[Minwon.Server.Features.ChannelAdapters.Messengers.MessengerWebhook.MaxBodyBytes + 1], "application/json", true, HttpStatusCode.RequestEntityTooLarge),
            (Encoding.UTF8.GetBytes(valid[..^3]), "application/json", true, HttpStatusCode.BadRequest),
            (Encoding.UTF8.GetBytes("[" + valid + "]"), "application/json", true, HttpStatusCode.BadRequest),
            (Encoding.UTF8.GetBytes(valid), "text/plain", true, HttpStatusCode.UnsupportedMediaType),
            (Encoding.UTF8.GetBytes(valid), "application/json", false, HttpStatusCode.Unauthorized),
            // A NUL in the text (JSON \u0000): PostgreSQL cannot store it, so it is refused at the door, not in the consumer.
            (Encoding.UTF8.GetBytes(valid.Replace(JsonSerializer.Serialize("안녕하세요")[1..^1], JsonSerializer.Serialize("안녕\0하세요")[1..^1], StringComparison.Ordinal)), "application/json", true, HttpStatusCode.BadRequest),
        };
        foreach (var (body, contentType, signed, expected) in cases)
        {
            using var response = await RawWebhookAsync(channel, body, contentType, signed);
            Assert.True(expected == response.StatusCode, $"{contentType}, {body.Length} bytes, signed {signed}: expected {expected}, got {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(inboxBefore, (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count);

        // The same body, right this time, is taken: the refusals above were about the input, not the message.
        using (var accepted = await RawWebhookAsync(channel, Encoding.UTF8.GetBytes(valid), "application/json; charset=utf-8"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal(inboxBefore + 1, (await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.Channel == channel))).Count);
    }

    [Fact]
    public async Task The_X_crc_challenge_is_answered_with_the_hmac_of_the_token_under_the_consumer_secret()
    {
        using var response = await App.CreateDefaultClient().GetAsync("/api/channels/x/webhook?crc_token=challenge-123", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sha256=" + Hmac(MessengerChannelApp.XSecret, "challenge-123"), body.GetProperty("response_token").GetString());

        using var missing = await App.CreateDefaultClient().GetAsync("/api/channels/x/webhook", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task A_kakao_reply_is_tried_again_while_the_dealer_fails_and_a_malformed_event_is_a_400()
    {
        var user = NewUser("kakao");
        Partners.FailNextTo(user, 2);
        using (await WebhookAsync("kakao", user, "retry-" + user, "갑자기 물이 안나와요"))
        {
        }

        for (var i = 0; i < 200 && !Partners.Accepted.Any(p => p.To == user); i++)
        {
            App.Clock!.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(50, Ct);
        }

        var answer = Assert.Single(Partners.Accepted, p => p.To == user);
        Assert.Contains("아리수", answer.Text, StringComparison.Ordinal);
        var row = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == answer.Id)));
        Assert.True(row.Attempts >= 2, $"expected a failed try first, got {row.Attempts}");

        const string bad = """{"event":"message","serial_number":"x","user_key":"u","sender_key":"s","type":"sticker"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/kakao/webhook") { Content = new StringContent(bad, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Kakao-Signature", Hmac(MessengerChannelApp.KakaoSecret, bad));
        using var response = await App.CreateDefaultClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_x_reply_whose_answer_was_lost_after_x_posted_it_is_not_posted_again_and_one_x_never_posted_is()
    {
        var user = NewUser("x");
        Partners.PostButLoseAnswerTo(user, 1);
        using (await WebhookAsync("x", user, "lost-" + user, "갑자기 물이 안나와요"))
        {
        }

        var conversation = await ConversationOfAsync("x", user);
        var rows = new List<ChannelOutboxItem>();
        for (var i = 0; i < 300 && !(rows.Count > 0 && rows.All(r => r.Status == DeliveryStatus.Sent)); i++)
        {
            App.Clock!.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, Ct);
            rows = await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ConversationId == conversation.Id));
        }

        // Found by the lookup (links in it compared as links, since X shortens them), so the citizen got it once.
        var answer = Assert.Single(rows, r => r.Text.Contains("아리수", StringComparison.Ordinal));
        Assert.Equal(DeliveryStatus.Sent, answer.Status);
        Assert.True(answer.Attempts >= 2, $"the first try's answer was lost; got {answer.Attempts} tries");
        var posted = Assert.Single(Partners.Accepted, p => p.To == user && p.Text == answer.Text);
        Assert.Equal(posted.Id, answer.ProviderMessageId);
        Assert.True(Partners.XLookups > 0);

        // A plain outage (nothing posted): the lookup finds nothing and the retry posts it, once.
        var other = NewUser("x");
        Partners.FailNextTo(other, 1);
        using (await WebhookAsync("x", other, "outage-" + other, "갑자기 물이 안나와요"))
        {
        }

        for (var i = 0; i < 300 && !Partners.Accepted.Any(p => p.To == other); i++)
        {
            App.Clock!.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, Ct);
        }

        Assert.Single(Partners.Accepted, p => p.To == other && p.Text.Contains("아리수", StringComparison.Ordinal));
    }
}

/// <summary>/health/ready per adapter: a reply stuck past ten minutes makes that channel's check Degraded, and only that one.</summary>
public sealed class ChannelHealthTests(MessengerChannelApp fixture) : IClassFixture<MessengerChannelApp>
{
    [Fact]
    public async Task A_reply_stuck_for_more_than_ten_minutes_degrades_its_channel_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var health = app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        async Task<Dictionary<string, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus>> ChannelsAsync() =>
            (await health.CheckHealthAsync(r => r.Name.StartsWith("channel-", StringComparison.Ordinal), ct)).Entries.ToDictionary(e => e.Key, e => e.Value.Status);

        var before = await ChannelsAsync();
        Assert.Equal(["channel-email", "channel-inbox", "channel-kakao", "channel-sms", "channel-talktalk", "channel-x"], before.Keys.Order());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, before["channel-kakao"]);

        var now = app.Clock!.GetUtcNow();
        var id = await app.DbAsync(async db =>
        {
            // A reply written 20 minutes ago and still pending (its next try far off, so the sender leaves it alone).
            var item = new ChannelOutboxItem
            {
                ConversationId = Guid.NewGuid(), Seq = 1, Channel = "kakao", ExternalId = "stuck-" + Guid.NewGuid().ToString("N"), To = "u", From = "s",
                Text = "t", Kind = "text", Status = DeliveryStatus.Pending, CreatedAt = now.AddMinutes(-20), NextAttemptAt = now.AddDays(1),
            };
            db.Add(item);
            await db.SaveChangesAsync(ct);
            return item.Id;
        });
        try
        {
            var during = await ChannelsAsync();
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, during["channel-kakao"]);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, during["channel-x"]);
            using var ready = await app.CreateDefaultClient().GetAsync("/health/ready", ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode); // Degraded keeps the node in service
            Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync(ct));
        }
        finally
        {
            await app.DbAsync(db => db.Set<ChannelOutboxItem>().Where(o => o.Id == id).ExecuteDeleteAsync(ct));
        }
    }
    [Fact]
    public async Task A_webhook_waiting_in_the_inbox_for_more_than_ten_minutes_degrades_the_inbox_check()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var health = app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus> InboxAsync() =>
            (await health.CheckHealthAsync(r => r.Name == "channel-inbox", ct)).Entries["channel-inbox"].Status;

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, await InboxAsync());
        var accepted = app.Clock!.GetUtcNow().AddMinutes(-20).ToUnixTimeMilliseconds();
        var id = await app.DbAsync(async db =>
        {
            // Accepted 20 minutes ago, never processed (no event was written for it, so the consumer leaves it alone).
            var item = new ChannelInboxItem { Channel = "kakao", ExternalId = "waiting-" + Guid.NewGuid().ToString("N"), AcceptedAtMs = accepted };
            db.Add(item);
            await db.SaveChangesAsync(ct);
            return item.Id;
        });
        try
        {
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, await InboxAsync());
        }
        finally
        {
            await app.DbAsync(db => db.Set<ChannelInboxItem>().Where(i => i.Id == id).ExecuteDeleteAsync(ct));
        }

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, await InboxAsync());
    }
}
