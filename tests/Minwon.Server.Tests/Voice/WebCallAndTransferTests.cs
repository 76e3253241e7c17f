using System.Net;
using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>The citizen's web call, warm and blind transfer, and a supervisor who whispers and barges in.</summary>
public sealed class WebCallAndTransferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_web_call_is_consulted_warm_transferred_whispered_to_and_blind_transferred_to_a_queue()
    {
        var citizenSpeech = VoiceSignals.Speech("여권 재발급은 어디서 하나요?", 16000);
        var firstSpeech = VoiceSignals.Speech("잠시만요, 담당자와 상의해 보겠습니다.", 16000);
        var secondSpeech = VoiceSignals.Speech("안녕하세요, 여권 담당 상담사입니다.", 16000);
        var supervisorSpeech = VoiceSignals.Speech("고객님 성함을 먼저 확인하세요.", 16000);
        Assert.SkipWhen(citizenSpeech is null, VoiceSignals.NoEspeak);
        await using var app = await VoiceTestKit.StartAsync();
        var first = await app.CounsellorAsync();
        var second = await app.CounsellorAsync();
        var third = await app.CounsellorAsync();
        var supervisor = await app.StaffAsync("supervisor");
        await first.GoAvailableAsync();

        using var citizenHttp = app.CitizenClient();
        using var started = await citizenHttp.PostAsync("/api/voice/webcalls", null, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var webcall = (await started.Content.ReadFromJsonAsync<StartWebCallResponse>(Ct))!;
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost" + webcall.MediaPath), Ct);
        await using var citizen = new BrowserLegTestClient(socket);
        citizen.Start();
        await VoiceTestKit.UntilAsync(() => citizen.HasControl("ready", "role", "caller"), "the web call to be ready");
        await VoiceTestKit.UntilAsync(() => citizen.AudioBetween(TimeSpan.Zero, citizen.Elapsed) is { Length: > 0 } audio && !Pcm.IsSilent(audio),
            "the notice", 30);

        Call call = null!;
        await VoiceTestKit.UntilAsync(async () => (call = await app.CallAsync(c => c.Id == webcall.CallId)).ConversationId is not null, "the web call to queue");
        Assert.Equal(Channels.WebCall, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Channel);
        await app.RouteAsync();
        var offered = await first.Http.GetFromJsonAsync<List<CallDto>>("/api/voice/calls", Ct);
        Assert.Equal(call.Id, Assert.Single(offered!).Id);
        await first.AnswerAsync(call.Id);
        await using var firstPhone = await app.StaffSocketAsync(first, call.Id, "agent");
        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<CallRecording>()).Count == 1, "the notice to end");

        var from = firstPhone.Elapsed;
        citizen.Say(citizenSpeech!);
        await VoiceTestKit.HearsAsync(() => firstPhone.AudioBetween(from, firstPhone.Elapsed), citizenSpeech!, 16000, "the counsellor hears the web caller");

        // Warm transfer: the citizen holds while the two counsellors talk; then the colleague takes the call.
        using (var consult = await first.PostAsync($"/api/voice/calls/{call.Id}/consult", new CallTransferRequest(null, second.Id)))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, consult);
        }

        await using var secondPhone = await app.StaffSocketAsync(second, call.Id, "consult");
        await VoiceTestKit.UntilAsync(() => secondPhone.HasControl("ready", "role", "consult"), "the colleague's socket");
        from = secondPhone.Elapsed;
        var citizenFrom = citizen.Elapsed;
        firstPhone.Say(firstSpeech!);
        await VoiceTestKit.HearsAsync(() => secondPhone.AudioBetween(from, secondPhone.Elapsed), firstSpeech!, 16000, "the colleague hears the counsellor");
        Assert.True(VoiceSignals.Match(firstSpeech!, citizen.AudioBetween(citizenFrom, citizen.Elapsed), 16000) < 0.45, "the waiting citizen does not");

        await first.ExpectNoContentAsync($"/api/voice/calls/{call.Id}/consult/complete");
        Assert.Equal((second.Id, CallState.Talking), ((await app.CallAsync(c => c.Id == call.Id)).AgentId, (await app.CallAsync(c => c.Id == call.Id)).State));
        Assert.Equal(second.Id, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().AssignedToId);
        await VoiceTestKit.UntilAsync(() => firstPhone.Closed.Task.IsCompleted, "the first counsellor's socket to close");
        citizenFrom = citizen.Elapsed;
        secondPhone.Say(secondSpeech!);
        await VoiceTestKit.HearsAsync(() => citizen.AudioBetween(citizenFrom, citizen.Elapsed), secondSpeech!, 16000, "the citizen hears the colleague");

        // A supervisor whispers: the counsellor hears it, the citizen does not; barging in, the citizen hears too.
        using (var monitor = await supervisor.PostAsync($"/api/voice/calls/{call.Id}/monitor", new MonitorRequest("whisper")))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, monitor);
        }

        await using var supervisorPhone = await app.StaffSocketAsync(supervisor, call.Id, "monitor");
        await VoiceTestKit.UntilAsync(() => supervisorPhone.HasControl("ready", "role", "whisper"), "the supervisor's socket");
        from = secondPhone.Elapsed;
        citizenFrom = citizen.Elapsed;
        supervisorPhone.Say(supervisorSpeech!);
        await VoiceTestKit.HearsAsync(() => secondPhone.AudioBetween(from, secondPhone.Elapsed), supervisorSpeech!, 16000, "the counsellor hears the whisper");
        Assert.True(VoiceSignals.Match(supervisorSpeech!, citizen.AudioBetween(citizenFrom, citizen.Elapsed), 16000) < 0.45, "the citizen does not hear the whisper");
        using (var barge = await supervisor.PostAsync($"/api/voice/calls/{call.Id}/monitor", new MonitorRequest("barge")))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, barge);
        }

        citizenFrom = citizen.Elapsed;
        supervisorPhone.Say(supervisorSpeech!);
        await VoiceTestKit.HearsAsync(() => citizen.AudioBetween(citizenFrom, citizen.Elapsed), supervisorSpeech!, 16000, "the citizen hears the barge");

        // A counsellor who does not hold the call cannot touch it.
        using (var stranger = await third.PostAsync($"/api/voice/calls/{call.Id}/hold", new ToggleRequest(true)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stranger.StatusCode);
        }

        // Blind transfer to the phone queue: the call waits again and the next counsellor answers it.
        var phoneQueue = (await second.QueuesAsync()).Single(q => q.Name == Minwon.Server.Features.Routing.SeedDefaultQueues.PhoneQueue);
        await second.ExpectNoContentAsync($"/api/voice/calls/{call.Id}/transfer", new CallTransferRequest(phoneQueue.Id, null));
        Assert.Equal(ConversationStatus.Queued, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Status);
        using (var away = await first.Http.PutAsJsonAsync("/api/presence", new { presence = "Offline" }, Ct))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, away);
        }

        await third.GoAvailableAsync();
        await app.RouteAsync();
        Assert.Equal(third.Id, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().OfferedToId);
        await third.AnswerAsync(call.Id);

        await citizen.SendControlAsync("""{"type":"hangup"}""");
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == call.Id)).State == CallState.Ended, "the call to end");
        Assert.Equal(ConversationStatus.WrapUp, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Status);
        var record = await third.CloseAsync(call.ConversationId!.Value, null, null, "여권 재발급 안내");
        Assert.Equal(Channels.WebCall, record.Channel);
    }

    [Fact]
    public async Task A_counsellor_on_a_call_is_offered_no_second_call_and_no_chat()
    {
        await using var app = await VoiceTestKit.StartAsync();
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        await using var one = new AudioSocketTestClient();
        await using var two = new AudioSocketTestClient();
        var endpoint = await app.AudioSocketAsync();
        await one.ConnectAsync(endpoint);
        await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.ExternalId == one.Uuid.ToString()))?.ConversationId is not null, "the first call");
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        await counsellor.AnswerAsync((await app.CallAsync(c => c.ExternalId == one.Uuid.ToString())).Id);

        await two.ConnectAsync(endpoint);
        await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.ExternalId == two.Uuid.ToString()))?.ConversationId is not null, "the second call");
        var chat = await app.StartChatAsync();
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        Assert.Equal(ConversationStatus.Queued, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == chat.ConversationId))).Single().Status);
    }
}
