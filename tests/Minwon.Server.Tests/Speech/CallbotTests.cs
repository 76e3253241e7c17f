using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Chatbot;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Core.VisualArs;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Chatbot.Events;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Speech.Callbot;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// The callbot on real AudioSocket calls (the test is the PBX, speaking the published framing): it speaks the published
/// visual ARS tree with espeak-ng, keys walk it to an info page and back and on to a counsellor, a key or the caller's
/// voice cuts a prompt, the hand-off keeps the path and answers, free speech from the pushed-transcript engine (the seam
/// to an outside STT system) is answered from the knowledge base, a link is texted and a callback booked by keypad.
/// </summary>
public sealed class CallbotTests
{
    private const string Caller = "010-2222-3333";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MinwonApp> StartAsync(Db db, params (string Key, string? Value)[] extra) =>
        VoiceTestKit.StartAsync(db, [("Minwon:Callbot:Enabled", "true"), ("Minwon:Callbot:NoInputSeconds", "30"), .. extra]);

    private static async Task<(AudioSocketTestClient Caller, Guid CallId, CallbotProbe Probe)> CallAsync(MinwonApp app, string? from = Caller)
    {
        var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, from);
        await caller.ConnectAsync(await app.AudioSocketAsync());
        return (caller, announced.CallId, await CallbotProbe.AttachAsync(app, announced.CallId));
    }

    private static async Task<Conversation> ConversationAsync(MinwonApp app, Guid callId)
    {
        var call = await app.CallAsync(c => c.Id == callId);
        return (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single();
    }

    private static async Task<List<string>> BotLinesAsync(MinwonApp app, Guid conversationId) =>
        (await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId && m.Sender == MessageSender.Bot).OrderBy(m => m.Seq)))
        .Select(m => m.Body).ToList();

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Keys_walk_the_menu_to_an_info_page_and_back_then_hand_off_with_the_path_and_answers(Db db)
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await StartAsync(db);
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        var (caller, callId, probe) = await CallAsync(app);
        await using var _ = caller;

        // After the notice the callbot greets and reads the root menu; the conversation waits with the bot, in no queue.
        var root = await probe.StartedAsync("callbot:root");
        Assert.Contains("교통 관련 문의는 1번", root);
        Assert.Contains("상담사 연결은 0번", root);
        Assert.DoesNotContain("말씀하셔도", root);
        Assert.Equal(ConversationStatus.New, (await ConversationAsync(app, callId)).Status);
        Assert.Equal(0, (await app.RouteAsync()).Offered);
        await VoiceTestKit.UntilAsync(() => caller.AudioBetween(caller.Elapsed - TimeSpan.FromSeconds(1), caller.Elapsed) is { Length: > 0 } heard
            && !Pcm.IsSilent(heard), "the caller to hear the menu");

        // Barge-in: a key in the middle of the menu stops it and is the answer.
        await caller.DtmfAsync('1');
        Assert.False(await probe.FinishedAsync("callbot:root"), "the root menu was cut by the key, not played to its end");
        Assert.Contains("교통 메뉴입니다", await probe.StartedAsync("callbot:transport"));
        await caller.DtmfAsync('1');
        var info = await probe.StartedAsync("callbot:bus-subway");
        Assert.StartsWith("버스 노선과 도착 정보는", info);
        Assert.Contains("자세한 안내는 2번", info);

        // Back with *, then 0 (no such entry under 교통): a counsellor.
        await caller.DtmfAsync('*');
        await probe.StartedAsync("callbot:transport", 2);
        await caller.DtmfAsync('0');
        await probe.StartedAsync("callbot:handoff");
        await VoiceTestKit.UntilAsync(async () => (await ConversationAsync(app, callId)).Status == ConversationStatus.Queued, "the hand-off to the queue");

        var conversation = await ConversationAsync(app, callId);
        var handoff = (await app.RowsAsync<ArsHandoff>(q => q.Where(h => h.ConversationId == conversation.Id))).Single();
        Assert.Equal(["교통", "버스·지하철 안내"], JsonSerializer.Deserialize<List<string>>(handoff.PathJson, ArsJson.Options));
        var form = JsonSerializer.Deserialize<ArsHandoffForm>(handoff.FormJson!, ArsJson.Options)!;
        Assert.Equal(CallbotRecords.FormId, form.FormId);
        Assert.Contains(form.Fields, f => f.Label == "안내: 버스·지하철 안내" && f.Value.StartsWith("버스 노선과 도착 정보는", StringComparison.Ordinal));
        var visits = await app.RowsAsync<ArsVisit>(q => q.Where(v => v.SessionId == CallbotRecords.SessionOf(callId)).OrderBy(v => v.Id));
        Assert.Equal(["root", "transport", "bus-subway", "transport", "transport"], visits.Select(v => v.NodeId));
        Assert.Equal(ArsVisitKind.Handoff, visits[^1].Kind);
        var handedOff = (await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversation.Id && e.Type == "BotHandedOff")))
            .Select(e => (BotHandedOff)EventCatalog.Deserialize(e.Type, e.Payload)!).Single();
        Assert.Equal(HandoffReason.Requested, handedOff.Reason);

        // What the bot said is in the conversation for the counsellor, who is offered the call and answers it.
        var lines = await BotLinesAsync(app, conversation.Id);
        Assert.Contains(lines, l => l.StartsWith("버스 노선과 도착 정보는", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("상담사에게 연결해 드리겠습니다", StringComparison.Ordinal));
        Assert.Equal(1, (await app.RouteAsync()).Offered);
        await counsellor.AnswerAsync(callId);
        Assert.Equal(ConversationStatus.Assigned, (await ConversationAsync(app, callId)).Status);
        Assert.Null(app.Services.GetRequiredService<CallbotSessions>().Find(conversation.Id));
    }

    [Fact]
    public async Task Speech_from_the_pushed_engine_is_answered_from_the_knowledge_base_and_the_callers_voice_cuts_a_prompt()
    {
        var said = VoiceSignals.Speech("여보세요, 수도요금 문의하려고요", 8000);
        Assert.SkipWhen(said is null, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await StartAsync(Db.Sqlite, ("Minwon:Speech:Engine", "pushed"), ("Minwon:Speech:PushApiKey", SpeechTestKit.PushKey));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Knowledge.ImportArticles>().RunAsync(new StringReader(
                "{\"id\":\"water-reissue\",\"title\":\"수도요금 고지서 재발행\",\"shortAnswer\":\"수도요금 고지서는 상수도사업본부 누리집에서 다시 받을 수 있습니다.\",\"body\":\"수도요금 고지서를 잃어버렸으면 상수도사업본부 누리집이나 ARS 121에서 재발행을 신청하세요. 수도요금 고지서 재발행은 무료입니다.\"}"), Ct);
            Assert.Empty(import.Problems);
        }

        var (caller, callId, probe) = await CallAsync(app);
        await using var _ = caller;
        Assert.True(app.Services.GetRequiredService<CallbotSessions>().Listens);
        Assert.Contains("원하시는 내용을 말씀하셔도 됩니다", await probe.StartedAsync("callbot:root"));

        // The caller talks over the menu: the callbot's own voice detector stops the prompt (barge-in by voice).
        await Task.Delay(1500, Ct);
        caller.Say(said!);
        Assert.False(await probe.FinishedAsync("callbot:root"), "the caller's voice cut the menu");

        // The outside STT system posts what it heard; the callbot answers with the article's short answer and asks.
        using (var pushed = await app.PushAsync(callId.ToString(), new { speaker = "citizen", text = "수도요금 고지서 재발행은 어떻게 하나요", segmentId = "s1" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, pushed.StatusCode);
        }

        var answer = await probe.StartedAsync("callbot:answer");
        Assert.StartsWith("수도요금 고지서는 상수도사업본부 누리집에서 다시 받을 수 있습니다.", answer);
        Assert.Contains("도움이 되셨나요", answer);

        // A partial line (the caller starts talking) cuts the question; the final "아니요" hands the call off.
        await Task.Delay(500, Ct);
        using (await app.PushAsync(callId.ToString(), new { speaker = "citizen", text = "아니", final = false }))
        {
        }

        Assert.False(await probe.FinishedAsync("callbot:answer"), "the caller's words cut the question");
        using (await app.PushAsync(callId.ToString(), new { speaker = "citizen", text = "아니요 잘 모르겠어요", segmentId = "s2" }))
        {
        }

        await VoiceTestKit.UntilAsync(async () => (await ConversationAsync(app, callId)).Status == ConversationStatus.Queued, "the hand-off to the queue");
        var conversation = await ConversationAsync(app, callId);
        var form = JsonSerializer.Deserialize<ArsHandoffForm>((await app.RowsAsync<ArsHandoff>(q => q.Where(h => h.ConversationId == conversation.Id))).Single().FormJson!, ArsJson.Options)!;
        Assert.Equal(
            [("말씀하신 내용", "수도요금 고지서 재발행은 어떻게 하나요"), ("콜봇 답변: 수도요금 고지서 재발행", "수도요금 고지서는 상수도사업본부 누리집에서 다시 받을 수 있습니다."), ("도움이 되었나요", "아니요")],
            form.Fields.Select(f => (f.Label, f.Value)));
        var events = (await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversation.Id && (e.Type == "BotHandedOff" || e.Type == "BotAnswered"))))
            .Select(e => EventCatalog.Deserialize(e.Type, e.Payload)).ToList();
        Assert.Contains(events, e => e is BotAnswered { ArticleId: "water-reissue" });
        Assert.Contains(events, e => e is BotHandedOff { Reason: HandoffReason.NotHelpful });

        // The transcript keeps the caller's spoken lines beside the bot's.
        var speech = await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Kind == MessageKind.Speech));
        Assert.Equal(2, speech.Count);
    }

    [Fact]
    public async Task Without_a_speech_engine_it_takes_keys_only_reads_notices_first_and_hands_off_after_no_input()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await StartAsync(Db.Sqlite, ("Minwon:Callbot:NoInputSeconds", "1"), ("Minwon:Callbot:Retries", "1"));
        var now = app.Clock!.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>();
            db.Add(new Notice { Text = "마포구 일대 수도관 공사로 오후 6시까지 단수됩니다", District = "마포구", CreatedBy = "test", CreatedAt = now, ValidFrom = now.AddMinutes(-1), ValidUntil = now.AddHours(2) });
            await db.SaveChangesAsync(Ct);
        }

        var (caller, callId, probe) = await CallAsync(app);
        await using var _ = caller;
        Assert.False(app.Services.GetRequiredService<CallbotSessions>().Listens);

        Assert.Equal("안내 말씀 드립니다. [마포구] 마포구 일대 수도관 공사로 오후 6시까지 단수됩니다", await probe.StartedAsync("callbot:notice"));
        var first = await probe.StartedAsync("callbot:root");
        Assert.DoesNotContain("말씀", first.Replace("안내 말씀", "", StringComparison.Ordinal));
        Assert.True(await probe.FinishedAsync("callbot:root"), "nobody interrupted the menu");
        Assert.StartsWith("입력이 없어 다시 안내해 드립니다.", await probe.StartedAsync("callbot:root", 2));
        await probe.StartedAsync("callbot:handoff", seconds: 90);
        await VoiceTestKit.UntilAsync(async () => (await ConversationAsync(app, callId)).Status == ConversationStatus.Queued, "the hand-off after no input");
        var conversation = await ConversationAsync(app, callId);
        var handedOff = (await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == conversation.Id && e.Type == "BotHandedOff")))
            .Select(e => (BotHandedOff)EventCatalog.Deserialize(e.Type, e.Payload)!).Single();
        Assert.Equal(HandoffReason.LowConfidence, handedOff.Reason);
        Assert.Contains(await BotLinesAsync(app, conversation.Id), l => l.Contains("단수됩니다", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_entry_texts_the_signed_ars_link_and_a_callback_is_booked_with_the_number_confirmed_by_keypad()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await StartAsync(Db.Sqlite);
        var sms = app.Services.GetRequiredService<FakeSmsGateway>();
        var before = sms.Sent.Count;
        var (caller, callId, probe) = await CallAsync(app);
        await using var _ = caller;

        await probe.StartedAsync("callbot:root");
        await caller.DtmfAsync('3');
        await probe.StartedAsync("callbot:living");
        await caller.DtmfAsync('2');
        Assert.Contains("문자로 보내 드렸습니다", await probe.StartedAsync("callbot:link"));
        var text = Assert.Single(sms.Sent.Skip(before));
        Assert.Equal("010-2222-3333", text.Phone);
        Assert.Contains("/ars/l/", text.Text);

        // Back in the 생활 menu; * to the top, 9 for a callback: the caller's number is read back digit by digit.
        await probe.StartedAsync("callbot:living", 2);
        await caller.DtmfAsync('*');
        await probe.StartedAsync("callbot:root", 2);
        await caller.DtmfAsync('9');
        Assert.Contains("공 일 공, 이 이 이 이, 삼 삼 삼 삼 맞으면 1번", await probe.StartedAsync("callbot:confirm"));
        await caller.DtmfAsync('1');
        Assert.Contains("콜백 예약이 접수되었습니다", await probe.StartedAsync("callbot:callback-booked"));
        Assert.Equal(AudioSocketKind.Hangup, await caller.Closed.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct));

        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == callId)).State == CallState.Ended, "the call record to end");
        var conversation = await ConversationAsync(app, callId);
        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        Assert.Equal("callback-booked", (await app.CallAsync(c => c.Id == callId)).HangupCause);
        var filed = (await app.RowsAsync<Case>(q => q.Where(c => c.ConversationId == conversation.Id))).Single();
        Assert.Equal(CaseDisposition.CallbackNeeded, filed.Disposition);
        Assert.Equal("010-2222-3333", (await app.RowsAsync<CallbackRequest>(q => q.Where(r => r.CaseId == filed.Id))).Single().Phone);
    }

    [Fact]
    public async Task A_receipt_number_keyed_in_is_read_back_digit_by_digit_and_the_state_is_told_only_to_the_number_that_filed_it()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await StartAsync(Db.Sqlite);
        var (caller, callId, probe) = await CallAsync(app);
        await using var _ = caller;
        Assert.Contains("처리 상태 조회는 8번", await probe.StartedAsync("callbot:root"));

        // Filed earlier from this number (the same contact) and forwarded to the district; another citizen's request.
        var conversation = await ConversationAsync(app, callId);
        var now = app.Clock!.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Minwon.Server.Data.MinwonDbContext>();
            var other = new Contact { ExternalKey = "someone-else", CreatedAt = now };
            db.Add(other);
            db.Add(new Case { ReceiptNumber = "2026-1201-000042", ContactId = conversation.ContactId, Disposition = CaseDisposition.ForwardedToDistrict, Channel = "phone", CreatedAt = now.AddDays(-3) });
            db.Add(new Case { ReceiptNumber = "2026-1201-000043", ContactId = other.Id, Disposition = CaseDisposition.Answered, Channel = "chat", CreatedAt = now.AddDays(-3) });
            await db.SaveChangesAsync(Ct);
        }

        await caller.DtmfAsync('8');
        await probe.StartedAsync("callbot:lookup-number");
        foreach (var key in "20261201000042#")
        {
            await caller.DtmfAsync(key);
        }

        Assert.Contains("이 공 이 육, 일 이 공 일, 공 공 공 공 사 이 맞으면 1번", await probe.StartedAsync("callbot:confirm"));
        await caller.DtmfAsync('1');
        var told = await probe.StartedAsync("callbot:lookup-status");
        Assert.Contains("담당 구청으로 전달되어 처리 중입니다", told);

        // Back at the menu: another citizen's receipt number is not told (nor whether it exists).
        await probe.StartedAsync("callbot:root", 2);
        await caller.DtmfAsync('8');
        await probe.StartedAsync("callbot:lookup-number", 2);
        foreach (var key in "20261201000043#")
        {
            await caller.DtmfAsync(key);
        }

        await probe.StartedAsync("callbot:confirm", 2);
        await caller.DtmfAsync('1');
        var refused = await probe.StartedAsync("callbot:lookup-status", 2);
        Assert.Contains("찾을 수 없습니다", refused);
        Assert.DoesNotContain("답변이 완료", refused);
        var lines = await BotLinesAsync(app, conversation.Id);
        Assert.Contains(lines, l => l.Contains("2026-1201-000042", StringComparison.Ordinal) && l.Contains("구청", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true", "none", "data-callbot-input=\"keypad\"")]
    [InlineData("true", "pushed", "data-callbot-input=\"speech\"")]
    [InlineData("false", "none", "data-callbot=\"off\"")]
    public async Task The_menu_editor_says_whether_the_callbot_listens_or_takes_keys_only(string enabled, string engine, string says)
    {
        await using var app = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Callbot:Enabled", enabled), ("Minwon:Speech:Engine", engine),
            ("Minwon:Speech:PushApiKey", SpeechTestKit.PushKey));
        var admin = await app.StaffAsync(Minwon.Server.Features.Staff.StaffRoles.Admin);
        var page = await admin.Http.GetStringAsync("/admin/ars", Ct);
        Assert.Contains("콜봇 (전화 음성 안내)", page);
        Assert.Contains(says, page);
        Assert.Equal(engine == "none" && enabled == "true", page.Contains("키패드로만 안내합니다", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("09:00", "18:00", "08:59", false)]
    [InlineData("09:00", "18:00", "09:00", true)]
    [InlineData("09:00", "18:00", "18:00", false)]
    [InlineData("18:00", "09:00", "23:30", true)]
    [InlineData("18:00", "09:00", "03:00", true)]
    [InlineData("18:00", "09:00", "12:00", false)]
    [InlineData("00:00", "24:00", "23:59", true)]
    public void Lines_are_served_between_their_hours_across_midnight_too(string from, string to, string now, bool served) =>
        Assert.Equal(served, CallbotSchedule.Within(CallbotSchedule.Parse(now), from, to));

    [Fact]
    public void Bad_hours_are_refused()
    {
        Assert.False(CallbotSchedule.Valid(new CallbotLine { From = "25:00" }));
        Assert.False(CallbotSchedule.Valid(new CallbotLine { To = "9시" }));
        Assert.False(CallbotSchedule.Valid(new CallbotLine { Number = " " }));
        Assert.True(CallbotSchedule.Valid(new CallbotLine { Number = "120", From = "18:00", To = "09:00" }));
    }
}
