using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Attachments;
using Minwon.Server.Features.ChannelAdapters.Volumes;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app (SQLite, bot off: a text message waits for a counsellor at once) with the generic SMS gateway faked.</summary>
public class ChannelDeskApp : IAsyncLifetime
{
    public const string InboundKey = "desk-inbound-key-0120";

    public FakeSmsGatewayServer Gateway { get; private set; } = null!;

    private MinwonApp? app;

    /// <summary>The app; a test on PostgreSQL is skipped when MINWON_TEST_POSTGRES is unset.</summary>
    public MinwonApp App
    {
        get
        {
            if (Database == Db.Postgres)
            {
                TestPostgres.SkipUnlessAvailable();
            }

            return app ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    protected virtual Db Database => Db.Sqlite;

    public async ValueTask InitializeAsync()
    {
        Gateway = await FakeSmsGatewayServer.StartAsync();
        if (Database == Db.Postgres && TestPostgres.AdminConnectionString is null)
        {
            return;
        }

        app = await MinwonApp.StartAsync(Database, new Dictionary<string, string?>
        {
            ["Minwon:Chatbot:Enabled"] = "false",
            ["Minwon:Channels:Sms:ApiKey"] = InboundKey,
            ["Minwon:Channels:Sms:OutboundUrl"] = Gateway.OutboundUrl,
            ["Minwon:Channels:Sms:OutboundApiKey"] = FakeSmsGatewayServer.OutboundKey,
            ["Minwon:Channels:PollMilliseconds"] = "50",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on a PostgreSQL database of its own.</summary>
public sealed class ChannelDeskPostgresApp : ChannelDeskApp
{
    protected override Db Database => Db.Postgres;
}

/// <summary>
/// Issue 15 on the desk and the boards: an MMS photo shown to the counsellor who may see the conversation (and to no one
/// else) with a text alternative, and inbound volumes per channel, live for today and from the rollups for any day.
/// </summary>
public sealed class ChannelDeskTests(ChannelDeskApp fixture) : ChannelDeskTestCases(fixture), IClassFixture<ChannelDeskApp>;

public sealed class ChannelDeskPostgresTests(ChannelDeskPostgresApp fixture) : ChannelDeskTestCases(fixture), IClassFixture<ChannelDeskPostgresApp>;

/// <summary>The cases, run on SQLite and on PostgreSQL.</summary>
public abstract class ChannelDeskTestCases(ChannelDeskApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    private static string NewPhone() => "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);

    private async Task<Guid> SmsAsync(string phone, string text, object[]? media = null)
    {
        object body = media is null
            ? new { messageId = "desk-" + Guid.NewGuid().ToString("N"), from = phone, to = "1588-0120", text, receivedAt = "2026-12-06T09:00:00+09:00" }
            : new { messageId = "desk-" + Guid.NewGuid().ToString("N"), from = phone, to = "1588-0120", text, receivedAt = "2026-12-06T09:00:00+09:00", media };
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms/inbound") { Content = JsonContent.Create(body) })
        {
            request.Headers.Add("X-Api-Key", ChannelDeskApp.InboundKey);
            using var accepted = await App.CreateDefaultClient().SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        for (var i = 0; i < 200; i++)
        {
            var id = await App.DbAsync(db => db.Set<ChannelThread>().Where(t => t.CitizenAddress == phone).Select(t => (Guid?)t.ConversationId).FirstOrDefaultAsync(Ct));
            if (id is { } found)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        throw new Xunit.Sdk.XunitException($"No conversation was stored for {phone}.");
    }

    [Fact]
    public async Task An_mms_photo_is_shown_with_a_text_alternative_to_its_counsellor_and_to_no_other()
    {
        var phone = NewPhone();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7, 7];
        fixture.Gateway.Media[$"lamp-{phone}.png"] = (png, "image/png");
        var conversation = await SmsAsync(phone, "가로등이 꺼져 있어요 사진 보냅니다",
            [new { url = $"{fixture.Gateway.BaseUrl}/media/lamp-{phone}.png", contentType = "image/png" }]);
        var counsellor = await App.CounsellorAsync();
        var other = await App.CounsellorAsync();
        await App.OfferAsync(conversation, counsellor.Id);
        await counsellor.AcceptAsync(conversation);

        var photos = await counsellor.Http.GetFromJsonAsync<List<ChannelPhotoDto>>($"/api/channels/conversations/{conversation}/photos", Ct);
        var photo = Assert.Single(photos!);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal($"/api/channels/photos/{photo.Id}", photo.Url);
        Assert.StartsWith("시민이 문자로 보낸 사진 1 (", photo.Alt, StringComparison.Ordinal);
        Assert.Contains("PNG", photo.Alt, StringComparison.Ordinal);
        Assert.Contains("함께 보낸 글: \"가로등이 꺼져 있어요 사진 보냅니다\"", photo.Alt, StringComparison.Ordinal);

        using (var image = await counsellor.Http.GetAsync(photo.Url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await image.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("no-store", image.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Null(image.Content.Headers.ContentDisposition);
        }

        foreach (var path in new[] { $"/api/channels/conversations/{conversation}/photos", photo.Url, "/api/channels/photos/999999999" })
        {
            using var refused = await other.Http.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var anonymous = await App.CreateDefaultClient().GetAsync(photo.Url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var supervisor = await App.StaffAsync("supervisor");
        using var seen = await supervisor.Http.GetAsync(photo.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
    }

    [Fact]
    public async Task Todays_volumes_count_each_inbound_conversation_under_its_channel_and_hour_with_the_service_level()
    {
        var supervisor = await App.StaffAsync("supervisor");
        var before = (await supervisor.Http.GetFromJsonAsync<ChannelVolumesView>("/api/channels/volumes", Ct))!;
        var hour = TimeZoneInfo.ConvertTime(App.Clock!.GetUtcNow(), Minwon.Server.Platform.CityClock.DefaultZone).Hour;

        var first = await SmsAsync(NewPhone(), "불법주차 신고합니다");
        await SmsAsync(NewPhone(), "쓰레기 무단투기 신고");
        var counsellor = await App.CounsellorAsync();
        await App.OfferAsync(first, counsellor.Id);
        await counsellor.AcceptAsync(first);

        var after = (await supervisor.Http.GetFromJsonAsync<ChannelVolumesView>("/api/channels/volumes", Ct))!;
        Assert.True(after.Live);
        var smsBefore = before.Channels.Single(c => c.Channel == "sms");
        var sms = after.Channels.Single(c => c.Channel == "sms");
        Assert.Equal(smsBefore.Total + 2, sms.Total);
        Assert.Equal(smsBefore.ByHour[hour] + 2, sms.ByHour[hour]);
        Assert.Equal(smsBefore.Answered + 1, sms.Answered);
        Assert.NotNull(sms.ServiceLevel);
        Assert.Equal(("문자", "📱"), (sms.Label, sms.Icon));
        var email = after.Channels.Single(c => c.Channel == "email");
        Assert.False(email.ServiceLevelApplies);
        Assert.Null(email.ServiceLevel);

        var counsellorView = await counsellor.Http.GetAsync("/api/channels/volumes", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, counsellorView.StatusCode);
    }

    [Fact]
    public async Task A_days_volumes_come_from_the_hourly_rollups_in_city_hours_and_a_bad_date_is_a_400()
    {
        // 2025-03-04 10:00 and 23:00 in Seoul are 01:00 and 14:00 UTC.
        await App.DbAsync(async db =>
        {
            db.Add(new HourlyRollup { HourStart = new DateTimeOffset(2025, 3, 4, 1, 0, 0, TimeSpan.Zero), Channel = "sms", CategoryId = 1, Contacts = 3, Answered = 2,
                AnsweredInServiceLevel = 1, Abandoned = 1 });
            db.Add(new HourlyRollup { HourStart = new DateTimeOffset(2025, 3, 4, 1, 0, 0, TimeSpan.Zero), Channel = "sms", CategoryId = 2, Contacts = 1 });
            db.Add(new HourlyRollup { HourStart = new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero), Channel = "kakao", Contacts = 2, Answered = 2,
                AnsweredInServiceLevel = 2 });
            db.Add(new HourlyRollup { HourStart = new DateTimeOffset(2025, 3, 4, 15, 0, 0, TimeSpan.Zero), Channel = "kakao", Contacts = 9 });
            return await db.SaveChangesAsync(Ct);
        });
        var supervisor = await App.StaffAsync("supervisor");
        var day = (await supervisor.Http.GetFromJsonAsync<ChannelVolumesView>("/api/channels/volumes/daily?date=2025-03-04", Ct))!;
        Assert.False(day.Live);
        var sms = day.Channels.Single(c => c.Channel == "sms");
        Assert.Equal((4, 4), (sms.Total, sms.ByHour[10]));
        Assert.Equal(1.0 / 3, sms.ServiceLevel!.Value, 3);
        var kakao = day.Channels.Single(c => c.Channel == "kakao");
        Assert.Equal((2, 2, 1.0), (kakao.Total, kakao.ByHour[23], kakao.ServiceLevel));

        foreach (var bad in new[] { "2025-13-01", "yesterday", "2025-3-4" })
        {
            using var response = await supervisor.Http.GetAsync($"/api/channels/volumes/daily?date={bad}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
