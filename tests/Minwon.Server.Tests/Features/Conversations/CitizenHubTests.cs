using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>The citizen's live channel: pushes, catch-up after a reconnect, flood control and the origin check.</summary>
public sealed class CitizenHubTests(CitizenHubApp fixture) : IClassFixture<CitizenHubApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MinwonApp App => fixture.App;

    [Fact]
    public async Task A_citizen_flooding_the_hub_is_throttled_after_the_burst_and_only_what_was_accepted_is_stored()
    {
        var chat = await App.StartChatAsync();
        var before = await App.SnapshotAsync(chat.ConversationId);
        await using var hub = App.CitizenHub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<List<MessageDto>>("Join", chat.Token, 0, Ct);

        var accepted = new List<MessageDto>();
        var refused = new List<HubException>();
        for (var i = 1; i <= 12; i++)
        {
            try
            {
                accepted.Add(await hub.InvokeAsync<MessageDto>("Send", chat.Token, $"flood-{i}", $"빨리요 {i}", Ct));
            }
            catch (HubException ex)
            {
                refused.Add(ex);
            }
        }

        Assert.Equal(5, accepted.Count);
        Assert.Equal(7, refused.Count);
        Assert.All(refused, ex => Assert.Contains("너무 빠르게", ex.Message));
        Assert.Equal(before.Count + 5, (await App.SnapshotAsync(chat.ConversationId)).Count);

        // The bucket refills at the configured rate: six a minute is one every ten seconds.
        App.Clock!.Advance(TimeSpan.FromSeconds(10));
        await hub.InvokeAsync<MessageDto>("Send", chat.Token, "after-pause", "이제 보내져요?", Ct);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MessageDto>("Send", chat.Token, "too-soon", "또요", Ct));
        Assert.Equal(before.Count + 6, (await App.SnapshotAsync(chat.ConversationId)).Count);
    }

    [Fact]
    public async Task Opening_a_new_hub_connection_does_not_reset_the_flood_limit()
    {
        var chat = await App.StartChatAsync();
        var before = await App.SnapshotAsync(chat.ConversationId);
        var accepted = 0;
        for (var round = 0; round < 6; round++)
        {
            // A fresh connection for every other message: the limit belongs to the conversation, not the connection.
            await using var hub = App.CitizenHub();
            await hub.StartAsync(Ct);
            for (var j = 0; j < 2; j++)
            {
                accepted += await TrySendAsync(hub, chat.Token, $"reconnect-{round}-{j}") ? 1 : 0;
            }
        }

        Assert.Equal(5, accepted);
        Assert.Equal(before.Count + 5, (await App.SnapshotAsync(chat.ConversationId)).Count);
    }

    [Fact]
    public async Task The_rest_api_and_the_hub_draw_on_one_limit_per_conversation()
    {
        var chat = await App.StartChatAsync();
        using var citizen = App.CitizenClient();
        for (var i = 0; i < 3; i++)
        {
            await citizen.SayAsync(chat.Token, $"REST {i}");
        }

        await using var hub = App.CitizenHub();
        await hub.StartAsync(Ct);
        var accepted = 0;
        for (var i = 0; i < 5; i++)
        {
            accepted += await TrySendAsync(hub, chat.Token, $"hub-after-rest-{i}") ? 1 : 0;
        }

        Assert.Equal(2, accepted);
        // A retry of a message already accepted is answered with the stored copy, limit or not.
        var retried = await hub.InvokeAsync<MessageDto>("Send", chat.Token, "hub-after-rest-0", "hub-after-rest-0", Ct);
        Assert.Equal("hub-after-rest-0", retried.Body);
        using var refused = await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest("하나 더", null), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task One_client_address_cannot_flood_through_many_conversations_while_another_address_still_can_talk()
    {
        const string flooder = "203.0.113.7";
        var accepted = 0;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var chat = await App.StartChatAsync();
            await using var hub = App.CitizenHub(flooder);
            await hub.StartAsync(Ct);
            for (var i = 0; i < 5; i++)
            {
                accepted += await TrySendAsync(hub, chat.Token, $"addr-{i}") ? 1 : 0;
            }
        }

        Assert.Equal(8, accepted);
        var neighbour = await App.StartChatAsync();
        await using var other = App.CitizenHub("203.0.113.8");
        await other.StartAsync(Ct);
        Assert.True(await TrySendAsync(other, neighbour.Token, "neighbour"));
    }

    private static async Task<bool> TrySendAsync(HubConnection hub, string token, string text)
    {
        try
        {
            await hub.InvokeAsync<MessageDto>("Send", token, text, text, Ct);
            return true;
        }
        catch (HubException ex) when (ex.Message.Contains("너무 빠르게", StringComparison.Ordinal))
        {
            return false;
        }
    }

    [Theory]
    [InlineData("/hubs/citizen")]
    [InlineData("/hubs/staff")]
    public async Task A_hub_handshake_from_a_foreign_origin_is_refused_with_403(string hub)
    {
        // The staff hub is the one worth hijacking: a signed-in counsellor's browser on a foreign page.
        var counsellor = hub == "/hubs/staff" ? await App.CounsellorAsync() : null;
        using var http = App.CreateDefaultClient();
        foreach (var (origin, expected) in new[]
        {
            ("https://evil.example", HttpStatusCode.Forbidden),
            ("http://localhost.evil.example", HttpStatusCode.Forbidden),
            ("null", HttpStatusCode.Forbidden),
            ("http://localhost", HttpStatusCode.OK),
            // The embedding site talks to the citizen hub only; the staff hub is Minwon's own pages' business.
            (CitizenHubApp.EmbeddingSite, hub == "/hubs/citizen" ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        })
        {
            using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
            negotiate.Headers.Add("Origin", origin);
            if (counsellor is not null)
            {
                negotiate.Headers.Add("Cookie", counsellor.CookieHeader(App.Server.BaseAddress));
            }

            using var response = await http.SendAsync(negotiate, Ct);
            Assert.True(expected == response.StatusCode, $"Origin {origin}: {(int)response.StatusCode}, expected {(int)expected}");
        }

        var socket = App.Server.CreateWebSocketClient();
        socket.ConfigureRequest = r =>
        {
            r.Headers.Origin = "https://evil.example";
            if (counsellor is not null)
            {
                r.Headers.Cookie = counsellor.CookieHeader(App.Server.BaseAddress);
            }
        };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(new Uri(App.Server.BaseAddress, hub.TrimStart('/')), Ct));
        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task A_counsellors_reply_is_pushed_to_the_citizen_and_a_reconnecting_citizen_catches_up_by_sequence()
    {
        var counsellor = await App.CounsellorAsync();
        var chat = await App.ServedChatAsync(counsellor);
        var pushed = new TaskCompletionSource<MessageDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        int seenUpTo;
        await using (var hub = App.CitizenHub())
        {
            hub.On<MessageDto>("Message", m =>
            {
                if (m.Kind == "text")
                {
                    pushed.TrySetResult(m);
                }
            });
            await hub.StartAsync(Ct);
            var history = await hub.InvokeAsync<List<MessageDto>>("Join", chat.Token, 0, Ct);
            seenUpTo = history[^1].Seq;

            var reply = await counsellor.ReplyAsync(chat.ConversationId, "안녕하세요, 무엇을 도와드릴까요?");
            Assert.Equal(reply with { CreatedAt = default }, (await pushed.Task.WaitAsync(Patience, Ct)) with { CreatedAt = default });
            seenUpTo = reply.Seq;
        }

        var missed = await counsellor.ReplyAsync(chat.ConversationId, "연결이 끊기신 것 같네요. 답변 남겨드립니다.");
        await using var again = App.CitizenHub();
        await again.StartAsync(Ct);
        var caughtUp = await again.InvokeAsync<List<MessageDto>>("Join", chat.Token, seenUpTo, Ct);
        Assert.Equal(missed.Seq, Assert.Single(caughtUp).Seq);
        var sent = await again.InvokeAsync<MessageDto>("Send", chat.Token, "hub-1", "네 확인했습니다", Ct);
        Assert.Equal(missed.Seq + 1, sent.Seq);
    }

    [Fact]
    public async Task Every_citizen_hub_method_refuses_an_unknown_token_with_the_same_plain_message()
    {
        var unknown = StartChat.NewSecret(32);
        await using var hub = App.CitizenHub();
        await hub.StartAsync(Ct);
        var calls = new Dictionary<string, Func<Task>>
        {
            [nameof(CitizenHub.Join)] = () => hub.InvokeAsync<List<MessageDto>>("Join", unknown, 0, Ct),
            [nameof(CitizenHub.Send)] = () => hub.InvokeAsync<MessageDto>("Send", unknown, "x", "안녕하세요", Ct),
            [nameof(CitizenHub.GetState)] = () => hub.InvokeAsync<ChatState>("GetState", unknown, Ct),
            [nameof(CitizenHub.Typing)] = () => hub.InvokeAsync("Typing", unknown, Ct),
            [nameof(CitizenHub.Leave)] = () => hub.InvokeAsync("Leave", unknown, Ct),
            [nameof(CitizenHub.VideoSignal)] = () => hub.InvokeAsync("VideoSignal", unknown, new Minwon.Server.Features.Video.VideoSignal("offer", Sdp: "v=0"), Ct),
        };
        Assert.Equal(HubMethods.Of<CitizenHub>(), calls.Keys.Order());

        var messages = new Dictionary<string, string>();
        foreach (var (method, call) in calls)
        {
            messages[method] = (await Assert.ThrowsAsync<HubException>(call)).Message;
        }

        // SignalR prefixes the method name ("An unexpected error occurred invoking 'Join' ... HubException: ...").
        Assert.All(messages.Where(m => m.Key != nameof(CitizenHub.VideoSignal)), m => Assert.EndsWith("HubException: 대화를 찾을 수 없습니다.", m.Value));

        // Video signalling answers an unknown token exactly as it answers a real chat that is not a video call: it tells
        // nobody whether a token exists.
        Assert.EndsWith("HubException: " + Minwon.Server.Features.Video.VideoSignalling.Refusal, messages[nameof(CitizenHub.VideoSignal)]);
        var chat = await App.StartChatAsync();
        var real = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync("VideoSignal", chat.Token, new Minwon.Server.Features.Video.VideoSignal("offer", Sdp: "v=0"), Ct));
        Assert.Equal(messages[nameof(CitizenHub.VideoSignal)].Replace("VideoSignal", "", StringComparison.Ordinal),
            real.Message.Replace("VideoSignal", "", StringComparison.Ordinal));
    }
}
