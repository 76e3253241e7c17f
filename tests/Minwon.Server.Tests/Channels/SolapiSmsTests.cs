using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Sms;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app (SQLite, bot off) with Sms:Provider=solapi pointed at <see cref="FakeSolapiServer"/>; inbound still through the generic webhook.</summary>
public sealed class SolapiSmsApp : IAsyncLifetime
{
    public const string InboundKey = "test-solapi-inbound-key";
    public const string From = "02-120-0120";

    public FakeSolapiServer Solapi { get; private set; } = null!;

    public MinwonApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Solapi = await FakeSolapiServer.StartAsync();
        App = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "false",
            ["Minwon:Channels:PollMilliseconds"] = "50",
            ["Minwon:Channels:Sms:ApiKey"] = InboundKey,
            ["Minwon:Channels:Sms:Provider"] = "solapi",
            ["Minwon:Channels:Sms:From"] = From,
            ["Minwon:Channels:Sms:Solapi:ApiKey"] = FakeSolapiServer.ApiKey,
            ["Minwon:Channels:Sms:Solapi:ApiSecret"] = FakeSolapiServer.ApiSecret,
            ["Minwon:Channels:Sms:Solapi:BaseUrl"] = Solapi.BaseUrl,
        });
        Solapi.Clock = () => App.Clock!.GetUtcNow();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Solapi.DisposeAsync();
    }
}

/// <summary>
/// Issue 15 item 2's second SMS adapter: SOLAPI's documented message API, selected by Minwon:Channels:Sms:Provider, tested
/// against a fake of SOLAPI that checks its HMAC authorisation and body as documented.
/// </summary>
public sealed class SolapiSmsTests(SolapiSmsApp fixture) : IClassFixture<SolapiSmsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    private FakeSolapiServer Solapi => fixture.Solapi;

    private static string NewPhone() => "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);

    private static string Digits(string phone) => phone.Replace("-", "", StringComparison.Ordinal);

    /// <summary>An SMS from the citizen through the generic inbound webhook, accepted by a counsellor; returns the conversation and the counsellor.</summary>
    private async Task<(Guid Conversation, StaffMember Counsellor)> ServedSmsAsync(string phone)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/inbound")
        {
            Content = JsonContent.Create(new { messageId = "sol-" + Guid.NewGuid().ToString("N"), from = phone, to = "1588-0120", text = "가로등이 꺼졌어요",
                receivedAt = "2026-12-06T09:00:00+09:00" }),
        })
        {
            request.Headers.Add("X-Api-Key", SolapiSmsApp.InboundKey);
            using var accepted = await App.CreateDefaultClient().SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        Guid? id = null;
        for (var i = 0; i < 200 && id is null; i++)
        {
            id = await App.DbAsync(db => db.Set<ChannelThread>().Where(t => t.CitizenAddress == phone).Select(t => (Guid?)t.ConversationId).FirstOrDefaultAsync(Ct));
            if (id is null)
            {
                await Task.Delay(50, Ct);
            }
        }

        Assert.NotNull(id);
        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(id.Value, counsellor.Id);
        await counsellor.AcceptAsync(id.Value);
        return (id.Value, counsellor);
    }

    private static async Task ReplyAsync(StaffMember counsellor, Guid conversation, string text)
    {
        using var reply = await counsellor.Http.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new PostMessageRequest(text, null), Ct);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    private async Task<ChannelOutboxItem> OutboxRowAsync(Guid conversation, Func<ChannelOutboxItem, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            var rows = await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ConversationId == conversation));
            if (rows.FirstOrDefault(done) is { } row)
            {
                return row;
            }

            App.Clock!.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, Ct);
        }

        Assert.Fail("The reply did not reach the expected state; SOLAPI refused: " + string.Join(" | ", Solapi.Rejected));
        return null!;
    }

    [Fact]
    public async Task A_counsellor_reply_goes_out_through_solapi_signed_as_documented_with_numbers_as_digits()
    {
        var phone = NewPhone();
        var (conversation, counsellor) = await ServedSmsAsync(phone);
        const string text = "가로등 고장은 관할 구청에 바로 전달하겠습니다.";
        await ReplyAsync(counsellor, conversation, text);
        var row = await OutboxRowAsync(conversation, r => r.Status == DeliveryStatus.Sent && r.Text == text);

        var post = Assert.Single(Solapi.Accepted, p => p.To == Digits(phone) && p.Text == text);
        Assert.Equal("15880120", post.From);
        Assert.Equal("SMS", post.Type);
        Assert.Equal(row.ExternalId, post.MinwonId);
        Assert.Equal(post.MessageId, row.ProviderMessageId);

        var longText = string.Concat(Enumerable.Repeat("가로등 보수 일정은 구청 도로과에서 정합니다. ", 5)).Trim();
        await ReplyAsync(counsellor, conversation, longText);
        var lms = await OutboxRowAsync(conversation, r => r.Status == DeliveryStatus.Sent && r.Text == longText);
        Assert.Equal("lms", lms.Kind);
        Assert.Equal("LMS", Assert.Single(Solapi.Accepted, p => p.To == Digits(phone) && p.Text == longText).Type);
        Assert.Empty(Solapi.Rejected);
    }

    [Fact]
    public async Task An_outage_is_retried_with_a_fresh_signature_and_a_refused_message_becomes_a_note_on_the_desk()
    {
        var phone = NewPhone();
        Solapi.FailNextTo(Digits(phone), 2);
        var (conversation, counsellor) = await ServedSmsAsync(phone);
        const string text = "확인해 드리겠습니다.";
        await ReplyAsync(counsellor, conversation, text);
        await OutboxRowAsync(conversation, r => r.Status == DeliveryStatus.Sent && r.Text == text);
        var rows = await App.RowsAsync<ChannelOutboxItem>(q => q.Where(o => o.ConversationId == conversation));
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(rows.Count + 2, rows.Sum(r => r.Attempts));
        Assert.Equal(rows.Count, Solapi.Accepted.Count(p => p.To == Digits(phone)));
        Assert.Single(Solapi.Accepted, p => p.To == Digits(phone) && p.Text == text);
        Assert.DoesNotContain(Solapi.Rejected, r => r.StartsWith("DuplicatedSignature", StringComparison.Ordinal));

        var refusedPhone = NewPhone();
        Solapi.RefuseTo(Digits(refusedPhone), "3059");
        var (refused, other) = await ServedSmsAsync(refusedPhone);
        const string answer = "담당 부서를 안내해 드립니다.";
        await ReplyAsync(other, refused, answer);
        var failed = await OutboxRowAsync(refused, r => r.Status == DeliveryStatus.Failed && r.Text == answer);
        Assert.Contains("statusCode 3059", failed.LastError, StringComparison.Ordinal);
        var note = false;
        for (var i = 0; i < 200 && !note; i++)
        {
            note = (await App.RowsAsync<Message>(q => q.Where(m => m.ConversationId == refused && m.Kind == MessageKind.Event && m.Seq > failed.Seq)))
                .Any(m => m.Body.StartsWith($"{failed.Seq}번 메시지를 시민에게 보내지 못했습니다", StringComparison.Ordinal) && m.Body.Contains("3059", StringComparison.Ordinal));
            await Task.Delay(50, Ct);
        }

        Assert.True(note, "the desk got no note that the reply was refused");
        Assert.DoesNotContain(Solapi.Accepted, p => p.To == Digits(refusedPhone));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_of_date_and_salt_and_numbers_become_digits()
    {
        var header = SolapiSms.Authorization("KEY", "secret", new DateTimeOffset(2019, 7, 1, 0, 41, 48, TimeSpan.Zero), "jqsba2jxjnrjor");
        Assert.StartsWith("HMAC-SHA256 apiKey=KEY, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature=", header, StringComparison.Ordinal);
        Assert.Equal(64, header[(header.LastIndexOf('=') + 1)..].Length);
        Assert.NotEqual(SolapiSms.Signature("secret", "2019-07-01T00:41:48Z", "a-salt-of-12"), SolapiSms.Signature("secret", "2019-07-01T00:41:48Z", "b-salt-of-12"));
        Assert.Equal("01012345678", SolapiSms.Digits("010-1234-5678"));
        Assert.Equal("01012345678", SolapiSms.Digits("+82 10-1234-5678"));
        Assert.Equal("15880120", SolapiSms.Digits("1588-0120"));
        Assert.NotEqual(SolapiSms.NewSalt(), SolapiSms.NewSalt());
    }
}
