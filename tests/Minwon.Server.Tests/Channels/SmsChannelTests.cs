using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

public sealed class SmsChannelTests(SmsChannelApp fixture) : SmsChannelTestCases(fixture), IClassFixture<SmsChannelApp>;

public sealed class SmsChannelPostgresTests(SmsChannelPostgresApp fixture) : SmsChannelTestCases(fixture), IClassFixture<SmsChannelPostgresApp>;

/// <summary>The SMS contract cases, run on SQLite (<see cref="SmsChannelTests"/>) and PostgreSQL (<see cref="SmsChannelPostgresTests"/>).</summary>
public abstract class SmsChannelTestCases(SmsChannelApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    private FakeSmsGatewayServer Gateway => fixture.Gateway;

    private static string NewPhone() => "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);

    private async Task<HttpResponseMessage> InboundAsync(object body, string? key = SmsChannelApp.InboundKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/inbound") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await App.CreateDefaultClient().SendAsync(request, Ct);
    }

    private static object Sms(string messageId, string from, string text, object? media = null) =>
        media is null
            ? new { messageId, from, to = "1588-0120", text, receivedAt = "2026-12-06T09:00:00+09:00" }
            : new { messageId, from, to = "1588-0120", text, receivedAt = "2026-12-06T09:00:00+09:00", media };

    private async Task<SmsPost> WaitForPostAsync(string to, Func<SmsPost, bool> match)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Gateway.Accepted.FirstOrDefault(p => p.To == to && match(p)) is { } post)
            {
                return post;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail($"The gateway got no matching message for {to}; it got: " + string.Join(" | ", Gateway.Posts.Where(p => p.To == to).Select(p => p.Text)));
        return null!;
    }

    /// <summary>The citizen's latest conversation, once the inbound consumer has stored their message (the webhook answers 202 before).</summary>
    private async Task<Conversation> ConversationOfAsync(string phone)
    {
        for (var i = 0; ; i++)
        {
            var found = await App.DbAsync(async db =>
            {
                var id = await db.Set<ChannelThread>().Where(t => t.CitizenAddress == phone).OrderByDescending(t => t.UpdatedAt)
                    .Select(t => (Guid?)t.ConversationId).FirstOrDefaultAsync(Ct);
                return id is null ? null : await db.Set<Conversation>().AsNoTracking().FirstAsync(c => c.Id == id, Ct);
            });
            if (found is not null || i == 200)
            {
                return found ?? throw new Xunit.Sdk.XunitException($"No conversation was stored for {phone} within 10 s.");
            }

            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task A_text_message_gets_the_bot_answer_then_a_counsellor_whose_reply_goes_out_through_the_gateway()
    {
        var phone = NewPhone();
        using (var accepted = await InboundAsync(Sms("rt-1-" + phone, phone, "주차딱지 날라왔는데 어디서 내요")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var answer = await WaitForPostAsync(phone, p => p.Text.Contains("위택스", StringComparison.Ordinal));
        Assert.Equal("1588-0120", answer.From);
        var conversation = await ConversationOfAsync(phone);
        Assert.Equal(Channels.Sms, conversation.Channel);
        Assert.Equal(ConversationStatus.New, conversation.Status);

        using (var handoff = await InboundAsync(Sms("rt-2-" + phone, phone, "상담사 연결해주세요")))
        {
            Assert.Equal(HttpStatusCode.Accepted, handoff.StatusCode);
        }

        await WaitForPostAsync(phone, p => p.Text.Contains("상담사에게 연결", StringComparison.Ordinal));
        Assert.Equal(ConversationStatus.Queued, (await ConversationOfAsync(phone)).Status);

        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(conversation.Id, counsellor.Id);
        await counsellor.AcceptAsync(conversation.Id);
        using (var reply = await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages",
            new PostMessageRequest("과태료는 위택스에서 차량번호로 조회 후 내시면 됩니다.", null), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var sent = await WaitForPostAsync(phone, p => p.Text.StartsWith("과태료는 위택스에서", StringComparison.Ordinal));
        // The citizen's whole exchange is one conversation, every message stored once, in order.
        var messages = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Seq));
        Assert.Single(messages, m => m.Sender == MessageSender.Citizen && m.Body.Contains("주차딱지", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Sender == MessageSender.Agent);
        Assert.Single(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.CitizenAddress == phone)));

        // The gateway's receipt marks the reply delivered.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/status")
        {
            Content = JsonContent.Create(new { messageId = sent.MessageId, status = "delivered" }),
        };
        request.Headers.Add("X-Api-Key", SmsChannelApp.InboundKey);
        using var receipt = await App.CreateDefaultClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, receipt.StatusCode);
        var item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == sent.MessageId)));
        Assert.Equal(DeliveryStatus.Delivered, item.Status);
        // 26 Hangul syllables and spaces fit in 90 EUC-KR bytes: an SMS; the bot's answer with its question is longer: an LMS.
        Assert.Equal("sms", item.Kind);
        Assert.Equal("lms", Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == answer.MessageId))).Kind);
    }

    [Fact]
    public async Task The_same_message_id_twice_is_stored_once()
    {
        var phone = NewPhone();
        var body = Sms("dup-" + phone, phone, "갑자기 물이 안나와요");
        using (var first = await InboundAsync(body))
        using (var second = await InboundAsync(body))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
            Assert.Contains("duplicate", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var conversation = await ConversationOfAsync(phone);
        var citizen = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Citizen));
        Assert.Single(citizen);
        Assert.Single(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == "dup-" + phone)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_bad_key_is_refused_with_401_and_nothing_is_stored(string? key)
    {
        var phone = NewPhone();
        using var refused = await InboundAsync(Sms("badkey-" + phone, phone, "안녕하세요"), key);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await App.RowsAsync<ChannelMessage>(q => q.Where(m => m.ExternalId == "badkey-" + phone)));
        Assert.Empty(await App.RowsAsync<ChannelThread>(q => q.Where(t => t.CitizenAddress == phone)));

        // A malformed body with a bad key is still a 401: nothing about the body is said to a caller without the key.
        using var garbage = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/inbound") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        garbage.Headers.Add("X-Api-Key", "wrong-key");
        using var garbageRefused = await App.CreateDefaultClient().SendAsync(garbage, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, garbageRefused.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"from":"010-1111-2222","to":"1588-0120","text":"hi","receivedAt":"2026-12-06T09:00:00Z"}""")]
    [InlineData("""{"messageId":"m-bad-from","from":"<script>","to":"1588-0120","text":"hi","receivedAt":"2026-12-06T09:00:00Z"}""")]
    [InlineData("""{"messageId":"m-no-time","from":"010-1111-2222","to":"1588-0120","text":"hi"}""")]
    [InlineData("""{"messageId":"m-bad-time","from":"010-1111-2222","to":"1588-0120","text":"hi","receivedAt":"yesterday"}""")]
    [InlineData("""{"messageId":"m-bad-media","from":"010-1111-2222","to":"1588-0120","text":"hi","receivedAt":"2026-12-06T09:00:00Z","media":[{"url":"file:///etc/passwd","contentType":"image/png"}]}""")]
    // Control characters: PostgreSQL cannot store a NUL (in the id it failed the whole group commit, in the text the
    // inbound consumer after the 202); an id with a line break is no provider's id.
    [InlineData("""{"messageId":"m-nul\u0000id","from":"010-1111-2222","to":"1588-0120","text":"hi","receivedAt":"2026-12-06T09:00:00Z"}""")]
    [InlineData("""{"messageId":"m-line\nid","from":"010-1111-2222","to":"1588-0120","text":"hi","receivedAt":"2026-12-06T09:00:00Z"}""")]
    [InlineData("""{"messageId":"m-nul-text","from":"010-1111-2222","to":"1588-0120","text":"hi\u0000there","receivedAt":"2026-12-06T09:00:00Z"}""")]
    public async Task A_malformed_message_is_a_400_problem_and_nothing_is_stored(string json)
    {
        var before = (await App.RowsAsync<ChannelMessage>()).Count;
        var inboxBefore = (await App.RowsAsync<ChannelInboxItem>()).Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/inbound") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", SmsChannelApp.InboundKey);
        using var response = await App.CreateDefaultClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
        Assert.False(string.IsNullOrWhiteSpace(problem?.Detail));
        Assert.Equal(before, (await App.RowsAsync<ChannelMessage>()).Count);
        // The inbox is where the webhook writes (the messages come later, from the consumer): nothing there either.
        Assert.Equal(inboxBefore, (await App.RowsAsync<ChannelInboxItem>()).Count);
    }

    [Fact]
    public async Task A_text_over_10000_characters_is_a_400_problem_and_nothing_is_stored_while_10000_are_taken()
    {
        // The length limit had no test (a theory's inline JSON cannot hold such a text): one character over is refused
        // with a problem naming the limit, and exactly at the limit the message is accepted.
        var phone = NewPhone();
        using (var refused = await InboundAsync(Sms("long-" + phone, phone, new string('가', 10_001))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
            Assert.Contains("10,000", problem?.Detail, StringComparison.Ordinal);
        }

        Assert.Empty(await App.RowsAsync<ChannelInboxItem>(q => q.Where(i => i.ExternalId == "long-" + phone)));
        using var accepted = await InboundAsync(Sms("long-" + phone, phone, new string('가', 10_000)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task A_delivery_receipt_with_control_characters_is_a_400_problem_and_changes_nothing()
    {
        var phone = NewPhone();
        using (var accepted = await InboundAsync(Sms("rcpt-" + phone, phone, "주차딱지 날라왔는데 어디서 내요")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // A real reply the receipts name: wait until its outbox row says Sent (the gateway answers before it is recorded).
        var sent = await WaitForPostAsync(phone, _ => true);
        var conversation = await ConversationOfAsync(phone);
        var rows = await WaitForOutboxAsync(conversation.Id, r => r.Any(o => o.ExternalId == sent.MessageId && o.Status == DeliveryStatus.Sent));
        Assert.Equal(DeliveryStatus.Sent, rows.Single(o => o.ExternalId == sent.MessageId).Status);

        // PostgreSQL cannot take a NUL as a parameter or store one: before, a NUL id or error was a 500 there (on SQLite
        // a 404, and the NUL error stored with the row marked Failed); an id with a line break is no id we sent; a status
        // with a NUL was accepted as "another status".
        var cases = new (string Name, object Body)[]
        {
            ("NUL in the id", new { messageId = sent.MessageId + "\0", status = "delivered" }),
            ("NUL in the id, failed", new { messageId = sent.MessageId[..3] + "\0" + sent.MessageId[3..], status = "failed", error = "x" }),
            ("line break in the id", new { messageId = sent.MessageId[..3] + "\n" + sent.MessageId[3..], status = "delivered" }),
            ("NUL in the status", new { messageId = sent.MessageId, status = "failed\0" }),
            ("NUL in the error", new { messageId = sent.MessageId, status = "failed", error = "수신 \0거부" }),
        };
        foreach (var (name, body) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/status") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", SmsChannelApp.InboundKey);
            using var response = await App.CreateDefaultClient().SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
            Assert.False(string.IsNullOrWhiteSpace(problem?.Detail), name);
        }

        // Nothing changed: the row is still Sent with no error, and the desk got no failure note.
        var item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == sent.MessageId)));
        Assert.Equal(DeliveryStatus.Sent, item.Status);
        Assert.Null(item.LastError);
        Assert.Empty(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Body.Contains("보내지 못했습니다"))));

        // The same row still takes a well-formed receipt (a line break in the error is the gateway's text, kept).
        using var good = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/status")
        {
            Content = JsonContent.Create(new { messageId = sent.MessageId, status = "failed", error = "수신 거부\n(번호 없음)" }),
        };
        good.Headers.Add("X-Api-Key", SmsChannelApp.InboundKey);
        using var goodResponse = await App.CreateDefaultClient().SendAsync(good, Ct);
        Assert.Equal(HttpStatusCode.Accepted, goodResponse.StatusCode);
        item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == sent.MessageId)));
        Assert.Equal(DeliveryStatus.Failed, item.Status);
        Assert.Equal("gateway: 수신 거부\n(번호 없음)", item.LastError);
    }

    [Fact]
    public async Task A_reply_is_tried_again_with_backoff_while_the_gateway_fails_and_sent_once_it_recovers()
    {
        var phone = NewPhone();
        Gateway.FailNextTo(phone, 3);
        using (var accepted = await InboundAsync(Sms("retry-" + phone, phone, "갑자기 물이 안나와요")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        for (var i = 0; i < 200 && !Gateway.Accepted.Any(p => p.To == phone && p.MessageId == Gateway.Posts.First(q => q.To == phone).MessageId); i++)
        {
            // The backoff runs on the app's clock: move it on instead of waiting.
            App.Clock!.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(50, Ct);
        }

        // The first reply to this number is the one that met the outage.
        var first = Gateway.Posts.First(p => p.To == phone).MessageId;
        var sent = Assert.Single(Gateway.Accepted, p => p.MessageId == first);
        var tries = Gateway.Posts.Where(p => p.MessageId == first).ToList();
        Assert.True(tries.Count >= 2, $"expected a failed try before the accepted one, got {tries.Count}");
        Assert.All(tries, t => Assert.Equal(sent.MessageId, t.MessageId));
        // The gateway answers before the sender records the outcome: wait for the outbox row to say Sent (the race that
        // failed this test under load), then compare its attempts with the tries the gateway saw.
        var item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == sent.MessageId)));
        for (var i = 0; i < 400 && item.Status != DeliveryStatus.Sent; i++)
        {
            await Task.Delay(50, Ct);
            item = Assert.Single(await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ExternalId == sent.MessageId)));
        }

        Assert.Equal(DeliveryStatus.Sent, item.Status);
        Assert.Equal(tries.Count, item.Attempts);
    }

    [Fact]
    public async Task An_mms_photo_is_stored_and_a_wrong_type_or_oversize_file_is_refused_with_a_reply_to_the_citizen()
    {
        var phone = NewPhone();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        Gateway.Media[$"car-{phone}.png"] = (png, "image/png");
        Gateway.Media[$"virus-{phone}.jpg"] = ("MZ this is a program"u8.ToArray(), "image/jpeg");
        Gateway.Media[$"huge-{phone}.jpg"] = ([0xFF, 0xD8, 0xFF, .. new byte[60_000]], "image/jpeg");
        var media = new[]
        {
            new { url = $"{Gateway.BaseUrl}/media/car-{phone}.png", contentType = "image/png" },
            new { url = $"{Gateway.BaseUrl}/media/virus-{phone}.jpg", contentType = "image/jpeg" },
            new { url = $"{Gateway.BaseUrl}/media/huge-{phone}.jpg", contentType = "image/jpeg" },
        };
        using (var accepted = await InboundAsync(Sms("mms-" + phone, phone, "불법주차 신고합니다", media)))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var conversation = await ConversationOfAsync(phone);
        var attachment = Assert.Single(await App.RowsAsync<ChannelAttachment>(q => q.Where(a => a.ConversationId == conversation.Id)));
        Assert.Equal("image/png", attachment.ContentType);
        var upload = Assert.Single(await App.RowsAsync<ArsUpload>(q => q.Where(u => u.Id == attachment.UploadId)));
        Assert.Equal(png.Length, upload.Length);

        var refusal = await WaitForPostAsync(phone, p => p.Text.StartsWith("보내주신 첨부파일을 받지 못했습니다", StringComparison.Ordinal));
        Assert.Contains("사진(JPEG, PNG, HEIC, WebP)만", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("KB 이하만", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_수신거부_no_reply_goes_to_that_number_until_the_citizen_writes_again()
    {
        var phone = NewPhone();
        using (await InboundAsync(Sms("opt-1-" + phone, phone, "상담사 연결")))
        {
        }

        await WaitForPostAsync(phone, p => p.Text.Contains("상담사에게 연결", StringComparison.Ordinal));
        var conversation = await ConversationOfAsync(phone);
        using (var optOut = await InboundAsync(Sms("opt-2-" + phone, phone, "수신거부")))
        {
            Assert.Contains("optedout", await optOut.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var digits = phone.Replace("-", "", StringComparison.Ordinal);
        for (var i = 0; i < 200 && (await App.RowsAsync<ChannelOptOut>(q => q.Where(o => o.Address == digits))).Count == 0; i++)
        {
            await Task.Delay(50, Ct); // the inbound consumer records the opt-out after the 202
        }

        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(conversation.Id, counsellor.Id);
        await counsellor.AcceptAsync(conversation.Id);
        using (await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new PostMessageRequest("확인했습니다.", null), Ct))
        {
        }

        var outbox = await WaitForOutboxAsync(conversation.Id, rows => rows.Any(o => o.Text == "확인했습니다."));
        Assert.Equal(DeliveryStatus.OptedOut, outbox.Single(o => o.Text == "확인했습니다.").Status);
        Assert.DoesNotContain(Gateway.Posts, p => p.To == phone && p.Text == "확인했습니다.");
        Assert.Single(await App.RowsAsync<ChannelOptOut>(q => q.Where(o => o.Address == phone.Replace("-", "", StringComparison.Ordinal))));
        var notes = await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Body.Contains("수신거부")));
        Assert.Single(notes);
    }

    [Fact]
    public async Task A_counsellor_reply_too_long_for_an_lms_is_refused_with_a_clear_message_and_not_stored()
    {
        var phone = NewPhone();
        using (await InboundAsync(Sms("long-" + phone, phone, "상담사 연결")))
        {
        }

        await WaitForPostAsync(phone, p => p.Text.Contains("상담사에게 연결", StringComparison.Ordinal));
        var conversation = await ConversationOfAsync(phone);
        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(conversation.Id, counsellor.Id);
        await counsellor.AcceptAsync(conversation.Id);
        using var response = await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages",
            new PostMessageRequest(new string('가', 1001), null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
        Assert.Contains("2,000바이트", problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("2,002바이트", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Agent)));
    }

    private async Task<List<ChannelOutboxItem>> WaitForOutboxAsync(Guid conversationId, Func<List<ChannelOutboxItem>, bool> done)
    {
        List<ChannelOutboxItem> rows = [];
        for (var i = 0; i < 200 && !done(rows); i++)
        {
            await Task.Delay(50, Ct);
            rows = await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ConversationId == conversationId));
        }

        return rows;
    }
}
