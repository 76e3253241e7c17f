using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Features.ChannelAdapters.Settings;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.ChannelAdapters;

/// <summary>
/// Issue 10 session 7: a change on the settings screen of one node is in force on another node at once, woken through the
/// event signal over Redis. The fallback poll is set to ten minutes here, so only the signal can bring it in time.
/// </summary>
public sealed class ChannelSettingsSignalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_setting_changed_on_one_node_is_in_force_on_the_other_within_seconds_without_waiting_for_the_poll()
    {
        TestPostgres.SkipUnlessAvailable();
        var redis = TestRedis.Require();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Minwon:Channels:SettingsPollSeconds"] = "600",
        };
        await using var nodeA = await MinwonApp.StartAsync(Db.Postgres, settings);
        await using var nodeB = await MinwonApp.StartAsync(Db.Postgres, settings, postgres: nodeA.Postgres);
        var onB = nodeB.Services.GetRequiredService<IOptionsMonitor<ChannelOptions>>();
        Assert.Equal(TimeSpan.FromMinutes(10), nodeB.Services.GetRequiredService<ChannelSettingsLoader>().PollInterval);
        var before = onB.CurrentValue.Sms.MaxPerSecond;
        var changed = before == 17 ? 18 : 17;

        var admin = await nodeA.StaffAsync("admin");
        using (var put = await admin.Http.PutAsJsonAsync("/api/channels/settings/sms",
            new UpdateChannelSettingsRequest(new() { ["Sms:MaxPerSecond"] = changed.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(changed, nodeA.Services.GetRequiredService<IOptionsMonitor<ChannelOptions>>().CurrentValue.Sms.MaxPerSecond);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (onB.CurrentValue.Sms.MaxPerSecond != changed)
        {
            // Far under the ten-minute poll: only the wake-up from node A brings it.
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "node B still has the old value after 30 s");
            await Task.Delay(50, Ct);
        }

        // Cleared on node B: back to the configured value on node A.
        var adminB = await nodeB.StaffAsync("admin");
        using (var clear = await adminB.Http.PutAsJsonAsync("/api/channels/settings/sms", new UpdateChannelSettingsRequest(null, ["Sms:MaxPerSecond"]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        }

        var onA = nodeA.Services.GetRequiredService<IOptionsMonitor<ChannelOptions>>();
        started.Restart();
        while (onA.CurrentValue.Sms.MaxPerSecond != before)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "node A still has the changed value after 30 s");
            await Task.Delay(50, Ct);
        }
    }
}
