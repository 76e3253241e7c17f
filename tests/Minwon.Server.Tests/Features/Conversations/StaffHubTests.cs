using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>The staff hub: signed-in staff only; a counsellor hears and catches up on their own conversations only.</summary>
public sealed class StaffHubTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_hub_methods_answer_each_kind_of_caller_as_the_design_says()
    {
        Assert.Equal(["CatchUp", "VideoSignal", "WatchCenter"], HubMethods.Of<StaffHub>());
        var app = await apps.GetAsync(Db.Sqlite);
        var (own, other) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        var chat = await app.ServedChatAsync(own);

        await using (var anonymous = app.StaffHub(null))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(Ct));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using (var counsellor = app.StaffHub(own))
        {
            await counsellor.StartAsync(Ct);
            Assert.NotEmpty(await counsellor.InvokeAsync<List<MessageDto>>("CatchUp", chat.ConversationId, 0, Ct));
            await Assert.ThrowsAsync<HubException>(() => counsellor.InvokeAsync("WatchCenter", Ct));
        }

        await using (var colleague = app.StaffHub(other))
        {
            await colleague.StartAsync(Ct);
            await Assert.ThrowsAsync<HubException>(() => colleague.InvokeAsync<List<MessageDto>>("CatchUp", chat.ConversationId, 0, Ct));
            await Assert.ThrowsAsync<HubException>(() => colleague.InvokeAsync("WatchCenter", Ct));
            // Video signals only between a video call's citizen and its counsellor (Video/VideoCallTests covers the call itself).
            await Assert.ThrowsAsync<HubException>(() => colleague.InvokeAsync("VideoSignal", chat.ConversationId,
                new Minwon.Server.Features.Video.VideoSignal("offer", Sdp: "v=0"), Ct));
        }

        foreach (var role in new[] { "supervisor", "admin" })
        {
            await using var overseer = app.StaffHub(await app.StaffAsync(role));
            await overseer.StartAsync(Ct);
            await overseer.InvokeAsync("WatchCenter", Ct);
            Assert.NotEmpty(await overseer.InvokeAsync<List<MessageDto>>("CatchUp", chat.ConversationId, 0, Ct));
        }
    }

    [Fact]
    public async Task A_citizens_message_is_pushed_to_their_counsellor_and_to_a_supervisor_watching_the_center()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var toCounsellor = new TaskCompletionSource<(Guid, MessageDto)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var toSupervisor = new TaskCompletionSource<(Guid, MessageDto)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var desk = app.StaffHub(counsellor);
        await using var board = app.StaffHub(await app.StaffAsync("supervisor"));
        desk.On<Guid, MessageDto>("Message", (id, m) => toCounsellor.TrySetResult((id, m)));
        board.On<Guid, MessageDto>("Message", (id, m) =>
        {
            if (id == chat.ConversationId)
            {
                toSupervisor.TrySetResult((id, m));
            }
        });
        await desk.StartAsync(Ct);
        await board.StartAsync(Ct);
        await board.InvokeAsync("WatchCenter", Ct);

        var said = await citizen.SayAsync(chat.Token, "민원 처리 결과를 알고 싶어요");

        foreach (var pushed in new[] { toCounsellor, toSupervisor })
        {
            var (id, message) = await pushed.Task.WaitAsync(Patience, Ct);
            Assert.Equal((chat.ConversationId, said.Seq, said.Body), (id, message.Seq, message.Body));
        }
    }
}
