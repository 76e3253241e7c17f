using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minwon.Server.Features.ChannelAdapters.Settings;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>The app (SQLite, bot off) whose SMS gateway is configured with a stale outbound key the fake gateway refuses.</summary>
public class ChannelSettingsApp : IAsyncLifetime
{
    public const string InboundKey = "settings-inbound-key-0120";
    public const string StaleOutboundKey = "stale-outbound-key-0120";

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
            ["Minwon:Channels:Sms:OutboundApiKey"] = StaleOutboundKey,
            ["Minwon:Channels:Sms:From"] = "1588-0120",
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
public sealed class ChannelSettingsPostgresApp : ChannelSettingsApp
{
    protected override Db Database => Db.Postgres;
}

/// <summary>
/// Issue 15 item 6: the administrators' channel settings. Secrets never come back in clear, a change is written to the
/// access log before it is stored and applies at once (no restart), the test send goes through the adapter, and bad input
/// is a problem that changes nothing.
/// </summary>
public sealed class ChannelSettingsTests(ChannelSettingsApp fixture) : ChannelSettingsTestCases(fixture), IClassFixture<ChannelSettingsApp>;

public sealed class ChannelSettingsPostgresTests(ChannelSettingsPostgresApp fixture) : ChannelSettingsTestCases(fixture), IClassFixture<ChannelSettingsPostgresApp>;

/// <summary>The cases, run on SQLite and on PostgreSQL.</summary>
public abstract class ChannelSettingsTestCases(ChannelSettingsApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    private static ChannelSettingValueDto Setting(ChannelSettingsDto channel, string key) => Assert.Single(channel.Settings, s => s.Key == key);

    private async Task<ChannelTestSendResult> TestSendAsync(StaffMember admin, string to)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/channels/settings/sms/test", new ChannelTestSendRequest(to, null), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ChannelTestSendResult>(Ct))!;
    }

    [Fact]
    public async Task An_administrator_sees_every_adapter_with_its_state_and_health_and_secrets_only_as_set()
    {
        var admin = await App.StaffAsync("admin");
        using var response = await admin.Http.GetAsync("/api/channels/settings", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(ChannelSettingsApp.InboundKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChannelSettingsApp.StaleOutboundKey, text, StringComparison.Ordinal);

        var channels = JsonSerializer.Deserialize<List<ChannelSettingsDto>>(text, JsonSerializerOptions.Web)!;
        Assert.Equal(new[] { "sms", "email", "talktalk", "kakao", "x" }, channels.Select(c => c.Channel));
        var sms = channels[0];
        Assert.True(sms.Enabled);
        Assert.Equal("Healthy", sms.Health);
        var key = Setting(sms, "Sms:ApiKey");
        Assert.Equal(("secret", true, null, "config"), (key.Kind, key.IsSet, key.Value, key.Source));
        Assert.Equal(fixture.Gateway.OutboundUrl, Setting(sms, "Sms:OutboundUrl").Value);
        Assert.Equal(("default", "generic"), (Setting(sms, "Sms:Provider").Source, Setting(sms, "Sms:Provider").Value));
        Assert.False(Setting(sms, "Sms:Solapi:ApiSecret").IsSet);
        var email = channels[1];
        Assert.False(email.Enabled);
        Assert.Contains("not configured", email.HealthDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_key_is_audited_applies_at_once_is_never_shown_and_clearing_it_brings_back_the_configured_one()
    {
        var admin = await App.StaffAsync("admin");
        var before = await TestSendAsync(admin, "010-2000-0120");
        Assert.False(before.Ok);
        Assert.Contains("401", before.Detail, StringComparison.Ordinal);

        var logBefore = (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == "channel-settings:sms"))).Count;
        using (var put = await admin.Http.PutAsJsonAsync("/api/channels/settings/sms",
            new UpdateChannelSettingsRequest(new() { ["Sms:OutboundApiKey"] = FakeSmsGatewayServer.OutboundKey, ["Sms:MaxPerSecond"] = "20" }, null), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var text = await put.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain(FakeSmsGatewayServer.OutboundKey, text, StringComparison.Ordinal);
            var sms = JsonSerializer.Deserialize<ChannelSettingsDto>(text, JsonSerializerOptions.Web)!;
            Assert.Equal(("screen", true, null), (Setting(sms, "Sms:OutboundApiKey").Source, Setting(sms, "Sms:OutboundApiKey").IsSet,
                Setting(sms, "Sms:OutboundApiKey").Value));
            Assert.Equal("20", Setting(sms, "Sms:MaxPerSecond").Value);
        }

        var stored = Assert.Single(await App.RowsAsync<ChannelSetting>(q => q.Where(s => s.Key == "Sms:OutboundApiKey")));
        Assert.True(stored.Secret);
        Assert.DoesNotContain(FakeSmsGatewayServer.OutboundKey, stored.Value, StringComparison.Ordinal);
        var entry = (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == "channel-settings:sms").OrderBy(e => e.Sequence))).Last();
        Assert.Equal(("change", admin.Id), (entry.Action, entry.ActorId));
        Assert.Contains("Sms:OutboundApiKey(비밀값 교체)", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("Sms:MaxPerSecond", entry.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSmsGatewayServer.OutboundKey, entry.Reason, StringComparison.Ordinal);

        var after = await TestSendAsync(admin, "010-2000-0121");
        Assert.True(after.Ok, after.Detail);
        var post = Assert.Single(fixture.Gateway.Accepted, p => p.MessageId == after.MessageId);
        Assert.Equal(("010-2000-0121", "1588-0120"), (post.To, post.From));
        Assert.StartsWith("[서울시 120] 채널 설정 시험 발송", post.Text, StringComparison.Ordinal);
        var testEntry = (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == "channel-settings:sms").OrderBy(e => e.Sequence))).Last();
        Assert.Equal("test-send", testEntry.Action);
        Assert.DoesNotContain("010-2000-0121", testEntry.Reason, StringComparison.Ordinal);

        using (var clear = await admin.Http.PutAsJsonAsync("/api/channels/settings/sms",
            new UpdateChannelSettingsRequest(null, ["Sms:OutboundApiKey", "Sms:MaxPerSecond"]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        }

        Assert.Empty(await App.RowsAsync<ChannelSetting>(q => q.Where(s => s.Key.StartsWith("Sms:"))));
        Assert.False((await TestSendAsync(admin, "010-2000-0122")).Ok);
        Assert.Equal(logBefore + 4, (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == "channel-settings:sms"))).Count);
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { "sms", """{"values":{"Sms:Nope":"1"}}""" },
        { "sms", """{"values":{"Kakao:SendUrl":"https://dealer.example/send"}}""" },
        { "sms", """{"values":{"Sms:OutboundUrl":"ftp://gateway.example/send"}}""" },
        { "sms", """{"values":{"Sms:OutboundUrl":"not a url"}}""" },
        { "sms", """{"values":{"Sms:MaxPerSecond":"0"}}""" },
        { "sms", """{"values":{"Sms:MaxPerSecond":"many"}}""" },
        { "sms", """{"values":{"Sms:Provider":"aligo"}}""" },
        { "sms", """{"values":{"Sms:ApiKey":""}}""" },
        { "sms", """{"values":{"Sms:From":"1588\n0120"}}""" },
        { "sms", """{"values":{"Sms:From":"1588-0120"},"clear":["Sms:From"]}""" },
        { "sms", """{}""" },
        { "email", """{"values":{"Email:Enabled":"yes"}}""" },
        { "email", """{"values":{"Email:SmtpPort":"70000"}}""" },
    };

    [Theory]
    [MemberData(nameof(BadChanges), MemberType = typeof(ChannelSettingsTestCases))]
    public async Task A_bad_change_is_a_400_problem_and_stores_and_logs_nothing(string channel, string body)
    {
        var admin = await App.StaffAsync("admin");
        var rows = (await App.RowsAsync<ChannelSetting>()).Count;
        var log = (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record.StartsWith("channel-settings:")))).Count;
        using var response = await admin.Http.PutAsync($"/api/channels/settings/{channel}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(rows, (await App.RowsAsync<ChannelSetting>()).Count);
        Assert.Equal(log, (await App.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record.StartsWith("channel-settings:")))).Count);
    }

    [Fact]
    public async Task An_unknown_channel_is_a_404_and_a_test_send_to_a_malformed_recipient_is_a_400_that_sends_nothing()
    {
        var admin = await App.StaffAsync("admin");
        using (var unknown = await admin.Http.GetAsync("/api/channels/settings/fax", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var posts = fixture.Gateway.Posts.Count;
        foreach (var (channel, to) in new[] { ("sms", "call me"), ("sms", ""), ("sms", "12"), ("email", "not-an-address"), ("x", "has space") })
        {
            using var response = await admin.Http.PostAsJsonAsync($"/api/channels/settings/{channel}/test", new ChannelTestSendRequest(to, null), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using (var tooLong = await admin.Http.PostAsJsonAsync("/api/channels/settings/sms/test", new ChannelTestSendRequest("010-2000-0123", new string('가', 501)), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        }

        Assert.Equal(posts, fixture.Gateway.Posts.Count);
    }
}
