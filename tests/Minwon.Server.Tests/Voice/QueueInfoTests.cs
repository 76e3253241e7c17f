using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>
/// The caller's expected wait counts the counsellors who could answer: available (not on a break) and connected, as
/// web chat's waiting page does since presence follows connections.
/// </summary>
public sealed class QueueInfoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expected_wait_counts_available_and_connected_counsellors_only()
    {
        await using var app = await VoiceTestKit.StartAsync();
        var first = await app.CounsellorAsync();
        var second = await app.CounsellorAsync();
        var resting = await app.CounsellorAsync();
        await first.GoAvailableAsync();
        await second.GoAvailableAsync();
        await resting.GoAvailableAsync();
        using (var response = await resting.Http.PutAsJsonAsync("/api/presence", new { presence = "Break", reason = "식사" }, Ct))
        {
            response.EnsureSuccessStatusCode();
        }

        await using var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, "010-2222-3333");
        await caller.ConnectAsync(await app.AudioSocketAsync());
        await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.Id == announced.CallId))?.ConversationId is not null, "the call to queue");

        var both = await InfoAsync(app, announced.CallId);
        Assert.Equal(ConversationStatus.Queued, both.Status);
        Assert.Equal(1, both.Position);

        // The second counsellor closes the desk: still marked available during the grace period, but not connected.
        await second.DisconnectAsync();
        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<Minwon.Server.Features.Routing.AgentConnection>(q => q.Where(c => c.UserId == second.Id))).Count == 0,
            "the second counsellor's connection to go");
        var one = await InfoAsync(app, announced.CallId);

        Assert.True(one.ExpectedWaitSeconds > 0, "a wait is estimated");
        Assert.Equal(one.ExpectedWaitSeconds / 2, both.ExpectedWaitSeconds);
    }

    private static async Task<QueueInfo> InfoAsync(MinwonApp app, Guid callId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CallRecords>().QueueInfoAsync(callId, Ct)
            ?? throw new InvalidOperationException("no queue info for the call");
    }
}
