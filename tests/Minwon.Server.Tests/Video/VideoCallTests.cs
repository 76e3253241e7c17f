using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Minwon.Core.Conversations;
using Minwon.Core.Video;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Features.Video;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Video;

/// <summary>
/// Sign-language video (수어 상담): the call queues for a signer and takes the call slot, TURN credentials go to the
/// two participants only, and signalling passes between them and nobody else. The media itself is the browser
/// test's business (Minwon.E2E/Video).
/// </summary>
public sealed class VideoCallTests
{
    private const string Secret = "test-turn-secret";
    private const string Signer = "lang:ko=10,sign:ksl=9,channel:video=9,channel:chat=8,channel:phone=8";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MinwonApp> StartAsync(Db db = Db.Sqlite) => MinwonApp.StartAsync(db, new Dictionary<string, string?>
    {
        ["Minwon:Video:StunUrls:0"] = "stun:127.0.0.1:3478",
        ["Minwon:Video:TurnUrls:0"] = "turn:127.0.0.1:3478?transport=udp",
        ["Minwon:Video:TurnSecret"] = Secret,
        ["Minwon:Video:CredentialSeconds"] = "600",
    });

    private static async Task<StartVideoCallResponse> StartVideoAsync(MinwonApp app)
    {
        using var citizen = app.CitizenClient();
        using var response = await citizen.PostAsJsonAsync("/api/video/calls", new StartVideoCallRequest("홍길동", null), Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<StartVideoCallResponse>(Ct))!;
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_video_call_queues_for_a_signer_and_counts_as_a_call_so_a_signer_on_one_is_offered_no_other_call(Db db)
    {
        await using var app = await StartAsync(db);
        var plain = await app.CounsellorAsync("lang:ko=10,channel:chat=9,channel:phone=9");
        var signer = await app.CounsellorAsync(Signer);
        await plain.GoAvailableAsync();
        await signer.GoAvailableAsync();

        var first = await StartVideoAsync(app);
        var row = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == first.ConversationId))).Single();
        Assert.Equal(Channels.Video, row.Channel);
        Assert.Equal(ConversationStatus.Queued, row.Status);
        var queue = (await app.RowsAsync<ServiceQueue>(q => q.Where(x => x.Id == row.QueueId))).Single();
        Assert.Equal(VideoCalls.QueueName, queue.Name);

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Empty(await plain.MyConversationsAsync());
        Assert.Equal(first.ConversationId, Assert.Single(await signer.MyConversationsAsync()).Id);
        await signer.AcceptAsync(first.ConversationId);

        // The signer holds one video call and could hold two more chats, yet a second video call waits: one call at a time.
        var second = await StartVideoAsync(app);
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        Assert.Equal("queued", (await app.CitizenClient().StateAsync(second.Token)).Status);

        // And a chat does not go beside the call either (Minwon:Voice:ChatsDuringCall is 0 by default): the plain counsellor takes it.
        var chat = await app.StartChatAsync();
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        Assert.Equal(chat.ConversationId, Assert.Single(await plain.MyConversationsAsync()).Id);
    }

    [Fact]
    public async Task Turn_credentials_go_to_the_citizen_and_the_assigned_counsellor_only_and_expire_after_the_configured_time()
    {
        await using var app = await StartAsync();
        var signer = await app.CounsellorAsync(Signer);
        var colleague = await app.CounsellorAsync(Signer);
        var supervisor = await app.StaffAsync("supervisor");
        var call = await StartVideoAsync(app);
        using var citizen = app.CitizenClient();

        var now = app.Clock!.GetUtcNow();
        var forCitizen = (await citizen.GetFromJsonAsync<VideoIceServers>($"/api/video/{call.Token}/ice-servers", Ct))!;
        Assert.Equal("all", forCitizen.IceTransportPolicy);
        Assert.Equal(["stun:127.0.0.1:3478"], forCitizen.IceServers[0].Urls);
        var turn = forCitizen.IceServers.Single(s => s.Username is not null);
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], turn.Urls);
        var expiry = long.Parse(turn.Username!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - now.ToUnixTimeSeconds(), 600, 601);
        Assert.Equal("c-" + call.ConversationId.ToString("N"), turn.Username.Split(':')[1]);
        // coturn's check, written out: base64(HMAC-SHA1(secret, user name)).
        Assert.Equal(Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(turn.Username))), turn.Credential);
        Assert.True(TurnCredential.Verify(Secret, turn.Username, turn.Credential!, now.AddSeconds(599)));
        Assert.False(TurnCredential.Verify(Secret, turn.Username, turn.Credential!, now.AddSeconds(601)));

        // Not yet assigned: no counsellor gets one, nor a guessed token, nor a web chat's own citizen.
        var staffUrl = $"/api/video/conversations/{call.ConversationId}/ice-servers";
        await ExpectStatusAsync(HttpStatusCode.NotFound, signer.Http, staffUrl);
        await ExpectStatusAsync(HttpStatusCode.NotFound, citizen, $"/api/video/{StartChat.NewSecret(32)}/ice-servers");
        var chat = await app.StartChatAsync();
        await ExpectStatusAsync(HttpStatusCode.NotFound, citizen, $"/api/video/{chat.Token}/ice-servers");

        await app.OfferAsync(call.ConversationId, signer.Id);
        await signer.AcceptAsync(call.ConversationId);
        var forSigner = (await signer.Http.GetFromJsonAsync<VideoIceServers>(staffUrl, Ct))!;
        var signerTurn = forSigner.IceServers.Single(s => s.Username is not null);
        Assert.EndsWith(":a-" + call.ConversationId.ToString("N"), signerTurn.Username);
        Assert.True(TurnCredential.Verify(Secret, signerTurn.Username!, signerTurn.Credential!, now));
        await ExpectStatusAsync(HttpStatusCode.NotFound, colleague.Http, staffUrl);
        await ExpectStatusAsync(HttpStatusCode.NotFound, supervisor.Http, staffUrl);
        await ExpectStatusAsync(HttpStatusCode.Unauthorized, citizen, staffUrl);

        // Once the citizen leaves, the call's credentials stop being issued to either side.
        using (var left = await citizen.PostAsync($"/api/chat/{call.Token}/leave", null, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.NoContent, left);
        }

        await ExpectStatusAsync(HttpStatusCode.NotFound, citizen, $"/api/video/{call.Token}/ice-servers");
        await ExpectStatusAsync(HttpStatusCode.NotFound, signer.Http, staffUrl);
    }

    [Fact]
    public async Task Signals_pass_between_the_citizen_and_the_assigned_counsellor_and_a_strangers_signal_is_refused()
    {
        await using var app = await StartAsync();
        var signer = await app.CounsellorAsync(Signer);
        var colleague = await app.CounsellorAsync(Signer);
        await signer.ConnectAsync();
        await colleague.ConnectAsync();
        var atSigner = new ConcurrentQueue<(Guid, VideoSignal)>();
        var atColleague = new ConcurrentQueue<(Guid, VideoSignal)>();
        var signerHub = signer.Live!;
        var colleagueHub = colleague.Live!;
        signerHub.On<Guid, VideoSignal>("VideoSignal", (id, s) => atSigner.Enqueue((id, s)));
        colleagueHub.On<Guid, VideoSignal>("VideoSignal", (id, s) => atColleague.Enqueue((id, s)));

        var call = await StartVideoAsync(app);
        await using var citizenHub = app.CitizenHub();
        var atCitizen = new ConcurrentQueue<VideoSignal>();
        citizenHub.On<VideoSignal>("VideoSignal", atCitizen.Enqueue);
        await citizenHub.StartAsync(Ct);
        await citizenHub.InvokeAsync<List<MessageDto>>("Join", call.Token, 0, Ct);

        // Waiting in the queue nobody is on the other end yet.
        var early = await Assert.ThrowsAsync<HubException>(() => citizenHub.InvokeAsync("VideoSignal", call.Token, new VideoSignal("hello"), Ct));
        Assert.Contains(VideoSignalling.Refusal, early.Message);

        await app.OfferAsync(call.ConversationId, signer.Id);
        await signer.AcceptAsync(call.ConversationId);
        var offer = new VideoSignal("offer", "s1", Sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
        await signerHub.InvokeAsync("VideoSignal", call.ConversationId, offer, Ct);
        await UntilAsync(() => !atCitizen.IsEmpty, "the offer at the citizen");
        Assert.Equal(offer, Assert.Single(atCitizen));

        var answer = new VideoSignal("answer", "s1", Sdp: "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n");
        await citizenHub.InvokeAsync("VideoSignal", call.Token, answer, Ct);
        await UntilAsync(() => !atSigner.IsEmpty, "the answer at the counsellor");
        Assert.Equal((call.ConversationId, answer), Assert.Single(atSigner));

        // A colleague, another citizen's token, a made-up token and a malformed signal are all refused, and nothing arrives.
        await Assert.ThrowsAsync<HubException>(() => colleagueHub.InvokeAsync("VideoSignal", call.ConversationId, offer, Ct));
        var otherCall = await StartVideoAsync(app);
        await Assert.ThrowsAsync<HubException>(() => citizenHub.InvokeAsync("VideoSignal", otherCall.Token, answer, Ct));
        await Assert.ThrowsAsync<HubException>(() => citizenHub.InvokeAsync("VideoSignal", StartChat.NewSecret(32), answer, Ct));
        var chat = await app.ServedChatAsync(signer);
        await Assert.ThrowsAsync<HubException>(() => signerHub.InvokeAsync("VideoSignal", chat.ConversationId, offer, Ct));
        await Assert.ThrowsAsync<HubException>(() => citizenHub.InvokeAsync("VideoSignal", call.Token, new VideoSignal("exec", "s1"), Ct));
        await Assert.ThrowsAsync<HubException>(() => citizenHub.InvokeAsync("VideoSignal", call.Token, new VideoSignal("answer", "s1", Sdp: null), Ct));
        await Assert.ThrowsAsync<HubException>(() => signerHub.InvokeAsync("VideoSignal", call.ConversationId,
            new VideoSignal("offer", "s1", Sdp: new string('a', VideoSignal.MaxSdpLength + 1)), Ct));

        var candidate = new VideoSignal("candidate", "s1", Candidate: "candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host", SdpMid: "0", SdpMLineIndex: 0);
        await citizenHub.InvokeAsync("VideoSignal", call.Token, candidate, Ct);
        await UntilAsync(() => atSigner.Count == 2, "the candidate at the counsellor");
        Assert.Equal(candidate, atSigner.Last().Item2);
        Assert.Empty(atColleague);
        Assert.Single(atCitizen);
    }

    private static async Task ExpectStatusAsync(HttpStatusCode expected, HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, Ct);
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"Timed out waiting for {what}.");
            await Task.Delay(20, Ct);
        }
    }
}
