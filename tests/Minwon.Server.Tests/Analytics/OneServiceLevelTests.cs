using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Analytics;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.ChannelAdapters.Volumes;
using Minwon.Server.Features.Routing;

namespace Minwon.Server.Tests.Analytics;

/// <summary>
/// Issue 10 session 7: the wallboard, /analytics and today's channel volumes tell one story on one data set: the same
/// contacts, answered and abandoned counts and service level (QueueStatistics' definition), with the volumes taking the
/// finished hours from the hourly rollups and only the current hour from the conversations themselves.
/// </summary>
public sealed class OneServiceLevelTests
{
    // A Wednesday, 14:30 in Seoul: 10:00 and 12:00 are finished hours, 14:00 is the current one.
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(9));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_wallboard_analytics_and_the_channel_volumes_agree_on_counts_and_service_level()
    {
        await using var app = new AnalyticsAppFactory(now: Now);
        var today = DateOnly.FromDateTime(Now.DateTime);
        // Default queue, target 20 s. Finished hours: in target, out of target, a long abandon (30 s); current hour likewise.
        await app.AddContactAsync(Now.AddHours(-4).AddMinutes(-20), "phone", null, null, CaseDisposition.Answered, answerAfterSeconds: 5, handleSeconds: 100);
        await app.AddContactAsync(Now.AddHours(-4).AddMinutes(10), "phone", null, null, CaseDisposition.Answered, answerAfterSeconds: 90, handleSeconds: 100);
        await app.AddContactAsync(Now.AddHours(-2).AddMinutes(-25), "phone", null, null, null, answerAfterSeconds: null, outcome: "ConversationAbandoned");
        await app.AddContactAsync(Now.AddMinutes(-25), "phone", null, null, CaseDisposition.Answered, answerAfterSeconds: 5, handleSeconds: 100);
        await app.AddContactAsync(Now.AddMinutes(-20), "phone", null, null, null, answerAfterSeconds: null, outcome: "ConversationAbandoned");
        await app.AddContactAsync(Now.AddMinutes(-18), "phone", null, null, CaseDisposition.Answered, answerAfterSeconds: 60, handleSeconds: 100);

        // Before the rollups ran, the finished hours are empty and the current hour is live: the volumes read no raw rows
        // of finished hours.
        var early = await app.WithScopeAsync(sp => sp.GetRequiredService<ChannelVolumes>().TodayAsync(Ct));
        var earlyPhone = early.Channels.Single(c => c.Channel == "phone");
        Assert.Equal((3, 0, 0, 3), (earlyPhone.Total, earlyPhone.ByHour[10], earlyPhone.ByHour[12], earlyPhone.ByHour[14]));

        await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateRollups>().CatchUpAsync(Ct));

        var (board, scanned) = await app.WithScopeAsync(sp => sp.GetRequiredService<Wallboard>().ReadAsync(Ct));
        var volumes = await app.WithScopeAsync(sp => sp.GetRequiredService<ChannelVolumes>().TodayAsync(Ct));
        var shared = await app.WithScopeAsync(sp => sp.GetRequiredService<ChannelVolumes>().TodayAsync(scanned, Ct));
        var analytics = await app.WithScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().LoadAsync(today, today, Ct));

        var queue = Assert.Single(board.Queues, q => q.Answered + q.Abandoned > 0);
        var phone = volumes.Channels.Single(c => c.Channel == "phone");
        Assert.Equal((6, 2, 1, 3), (phone.Total, phone.ByHour[10], phone.ByHour[12], phone.ByHour[14]));
        Assert.Equal(6, analytics.Current.Contacts);
        Assert.Equal((4, 2), (queue.Answered, queue.Abandoned));
        Assert.Equal((4, 2), (phone.Answered, phone.Abandoned));
        Assert.Equal((4L, 2L), (analytics.Current.Answered, analytics.Current.Abandoned));
        // Two of the four answered within 20 s, among six answered or abandoned.
        Assert.Equal(2.0 / 6, queue.ServiceLevel!.Value, 9);
        Assert.Equal(2.0 / 6, phone.ServiceLevel!.Value, 9);
        Assert.Equal(2.0 / 6, analytics.Current.ServiceLevel, 9);
        // The wallboard's scan, shared with the volumes on its screen, gives the same figures as the volumes' own read.
        Assert.Equal(phone.Total, shared.Channels.Single(c => c.Channel == "phone").Total);
        Assert.Equal(phone.ServiceLevel, shared.Channels.Single(c => c.Channel == "phone").ServiceLevel);
        Assert.Equal(phone.ByHour, shared.Channels.Single(c => c.Channel == "phone").ByHour);
    }
}
