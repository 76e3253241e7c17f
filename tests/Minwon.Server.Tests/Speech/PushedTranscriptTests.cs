using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Assistant;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Protection;
using Minwon.Server.Features.Speech;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Speech.Events;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// Pushed transcripts: the API through which an existing STT system (the outside system, played by this test) posts the
/// segments it heard on a call. Final lines are masked before they are stored, stored once, typed on the event log,
/// fed to the assistant and the protection workflow, kept with the case and found by search; bad pushes are refused
/// with a problem and store nothing.
/// </summary>
public sealed class PushedTranscriptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Final_segments_are_stored_masked_once_in_order_typed_on_the_log_and_kept_with_the_case(Db db)
    {
        await using var app = await SpeechTestKit.PushedAsync(db);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Knowledge.ImportArticles>().RunAsync(new StringReader(
                "{\"id\":\"light-1\",\"title\":\"가로등 고장 신고\",\"body\":\"가로등이 고장 나거나 꺼지면 120에 위치를 알려 주세요.\"}"), Ct);
            Assert.Empty(import.Problems);
        }

        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;

        // A partial line is shown, never stored.
        using (var partial = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "가로등이", final = false }))
        {
            Assert.Equal(HttpStatusCode.Accepted, partial.StatusCode);
        }

        Assert.Empty(await app.RowsAsync<TranscriptSegment>());

        // By the PBX's id of the call (the AudioSocket UUID), with the outside system's segment id.
        var said = new { speaker = "citizen", text = "집 앞 가로등이 고장 났어요. 제 번호는 010-4567-8910이에요", startMs = 1200, endMs = 4800, segmentId = "seg-1" };
        TranscriptLine first;
        using (var response = await app.PushAsync(caller.Uuid.ToString(), said))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
            first = (await response.Content.ReadFromJsonAsync<TranscriptLine>(Ct))!;
        }

        Assert.Equal(("citizen", 1200L, 4800L), (first.Speaker, first.StartMs, first.EndMs));
        Assert.DoesNotContain("4567", first.Text);
        Assert.Contains("가로등", first.Text);
        Assert.True(first.HasMaskedData);

        // A retried push (same segment id) is stored once and answers the stored line.
        using (var retry = await app.PushAsync(call.Id.ToString(), said))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, retry);
            Assert.Equal(first.Seq, (await retry.Content.ReadFromJsonAsync<TranscriptLine>(Ct))!.Seq);
        }

        using (var reply = await app.PushAsync(call.Id.ToString(), new { speaker = "counsellor", text = "네, 위치를 확인해 드리겠습니다", startMs = 5200, endMs = 7000 }))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, reply);
        }

        var transcript = (await counsellor.Http.GetFromJsonAsync<TranscriptView>($"/api/speech/conversations/{call.ConversationId}/transcript", Ct))!;
        Assert.Equal(TranscriptBoard.Live, transcript.Status);
        Assert.Equal(["citizen", "counsellor"], transcript.Lines.Select(l => l.Speaker));
        Assert.Equal(counsellor.DisplayName, transcript.Lines[1].SpeakerName);
        Assert.True(transcript.Lines[0].Seq < transcript.Lines[1].Seq);

        // Stored masked (no digits of the number at rest), as messages of kind Speech with their typed events.
        var stored = await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == call.ConversationId && m.Kind == MessageKind.Speech));
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, m => m.Body.Contains("4567", StringComparison.Ordinal));
        var events = (await app.RowsAsync<EventLogEntry>(q => q.Where(e => e.ConversationId == call.ConversationId && e.Type == "SpeechTranscribed")))
            .Select(e => (SpeechTranscribed)EventCatalog.Deserialize(e.Type, e.Payload)!).OrderBy(e => e.Seq).ToList();
        Assert.Equal(stored.Select(m => m.Seq).Order(), events.Select(e => e.Seq));
        Assert.Equal((Minwon.Core.Speech.SpeakerSide.Citizen, "pushed", call.Id, 1200L), (events[0].Speaker, events[0].Engine, events[0].CallId, events[0].StartMs));

        // The assistant reads the citizen's spoken lines as it reads chat.
        var assist = (await counsellor.Http.GetFromJsonAsync<AssistantView>($"/api/assistant/conversations/{call.ConversationId}", Ct))!;
        Assert.Equal("light-1", assist.Articles.First().ArticleId);

        // Kept with the case: after the call the case's conversation has the transcript, and supervisors find it.
        await caller.HangUpAsync();
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == call.Id)).State == CallState.Ended, "the call to end");
        var filed = await counsellor.CloseAsync(call.ConversationId!.Value, null, null, "가로등 고장 신고");
        var supervisor = await app.StaffAsync(Minwon.Server.Features.Staff.StaffRoles.Supervisor);
        var hits = (await supervisor.Http.GetFromJsonAsync<List<TranscriptHit>>("/api/speech/transcripts?q=" + Uri.EscapeDataString("가로등이 고장"), Ct))!;
        var hit = Assert.Single(hits, h => h.ConversationId == call.ConversationId);
        Assert.Equal((filed.ReceiptNumber, "citizen"), (hit.ReceiptNumber, hit.Speaker));
        Assert.Empty((await supervisor.Http.GetFromJsonAsync<List<TranscriptHit>>("/api/speech/transcripts?q=4567", Ct))!);
        var afterCase = (await supervisor.Http.GetFromJsonAsync<TranscriptView>($"/api/speech/conversations/{call.ConversationId}/transcript", Ct))!;
        Assert.Equal(2, afterCase.Lines.Count);
    }

    [Fact]
    public async Task The_desk_is_pushed_masked_partial_lines_and_final_lines_as_small_view_models()
    {
        await using var app = await SpeechTestKit.PushedAsync();
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        var pushed = new System.Collections.Concurrent.ConcurrentQueue<LiveEvent>();
        var bus = app.Services.GetRequiredService<LiveBus>();
        Task Seen(LiveEvent e)
        {
            pushed.Enqueue(e);
            return Task.CompletedTask;
        }

        bus.Published += Seen;
        try
        {
            using (var partial = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "제 번호는 010-4567-8910", final = false }))
            {
                Assert.Equal(HttpStatusCode.Accepted, partial.StatusCode);
            }

            using (var final = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "제 번호는 010-4567-8910입니다" }))
            {
                await ChatApi.ExpectAsync(HttpStatusCode.Created, final);
            }
        }
        finally
        {
            bus.Published -= Seen;
        }

        var shown = Assert.Single(pushed.OfType<TranscriptChanged>(), t => t.PartialText is not null);
        Assert.Equal((call.ConversationId!.Value, "citizen", TranscriptBoard.Live), (shown.ConversationId, shown.PartialSpeaker, shown.Status));
        Assert.DoesNotContain("4567", shown.PartialText);
        var line = Assert.Single(pushed.OfType<MessageAdded>(), m => m.Message.Kind == "speech");
        Assert.Equal(("citizen", counsellor.Id), (line.Message.Sender, line.AgentId));
        Assert.DoesNotContain("4567", line.Message.Body);
        Assert.True(line.Message.HasMaskedData);
    }

    [Fact]
    public async Task Numbers_written_the_way_stt_writes_them_are_masked_before_they_are_stored()
    {
        await using var app = await SpeechTestKit.PushedAsync();
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        (string Said, string Secret)[] spoken =
        [
            ("제 번호는 공일공 일이삼사 오륙칠팔이요", "일이삼사 오륙칠팔"),
            ("공일공 다시 이삼사오 다시 육칠팔구", "이삼사오 다시 육칠팔구"),
            ("연락처는 0 1 0 3 4 5 6 7 8 9 0 입니다", "3 4 5 6 7 8 9 0"),
            ("010에 9876에 5432로 연락 주세요", "9876에 5432"),
        ];
        foreach (var (said, secret) in spoken)
        {
            using var response = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = said });
            await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
            var line = (await response.Content.ReadFromJsonAsync<TranscriptLine>(Ct))!;
            Assert.True(line.HasMaskedData, said);
            Assert.DoesNotContain(secret, line.Text);
        }

        var stored = await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == call.ConversationId && m.Kind == MessageKind.Speech));
        Assert.Equal(spoken.Length, stored.Count);
        Assert.All(stored, m => Assert.DoesNotContain(spoken, s => m.Body.Contains(s.Secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_abusive_citizen_line_opens_the_protection_incident_and_a_counsellor_line_never_does()
    {
        await using var app = await SpeechTestKit.PushedAsync();
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;

        using (var agentSwears = await app.PushAsync(call.Id.ToString(), new { speaker = "counsellor", text = "씨발 이라고 하시면 안 됩니다" }))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, agentSwears);
            Assert.Equal("none", (await agentSwears.Content.ReadFromJsonAsync<TranscriptLine>(Ct))!.Abuse);
        }

        using (var response = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "씨발 일 똑바로 안해?" }))
        {
            await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
            Assert.NotEqual("none", (await response.Content.ReadFromJsonAsync<TranscriptLine>(Ct))!.Abuse);
        }

        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == call.ConversationId)))
            .SingleOrDefault() is { AbusiveMessages: 1 }, "the protection incident of the spoken line");
        var incident = (await app.RowsAsync<ProtectionIncident>(q => q.Where(i => i.ConversationId == call.ConversationId))).Single();
        Assert.Equal(counsellor.Id, incident.AgentId);
    }

    [Fact]
    public async Task Bad_pushes_get_a_problem_and_store_nothing()
    {
        await using var app = await SpeechTestKit.PushedAsync();
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        var id = call.Id.ToString();

        async Task Refused(HttpStatusCode status, string callId, object body, string? key = SpeechTestKit.PushKey)
        {
            using var response = await app.PushAsync(callId, body, key);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct));
        }

        await Refused(HttpStatusCode.Unauthorized, id, new { speaker = "citizen", text = "안녕하세요" }, key: null);
        await Refused(HttpStatusCode.Unauthorized, id, new { speaker = "citizen", text = "안녕하세요" }, key: "wrong-key");
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "robot", text = "안녕하세요" });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen", text = "   " });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen" });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen", text = new string('가', Message.MaxBodyLength + 1) });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen", text = "네", startMs = 5000, endMs = 4000 });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen", text = "네", startMs = -1 });
        await Refused(HttpStatusCode.BadRequest, id, new { speaker = "citizen", text = "네", segmentId = new string('x', 49) });
        await Refused(HttpStatusCode.NotFound, Guid.NewGuid().ToString(), new { speaker = "citizen", text = "안녕하세요" });
        await Refused(HttpStatusCode.NotFound, "no-such-pbx-call", new { speaker = "citizen", text = "안녕하세요" });

        using (var http = app.CreateClient())
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", SpeechTestKit.PushKey);
            using var garbage = await http.PostAsync($"/api/speech/calls/{id}/segments",
                new StringContent("{\"speaker\": \"citizen\", \"text\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        }

        Assert.Empty(await app.RowsAsync<TranscriptSegment>());
        Assert.Empty(await app.RowsAsync<Message>(q => q.Where(m => m.Kind == MessageKind.Speech)));

        // Reading and searching: strangers get nothing, bad queries a problem.
        var stranger = await app.CounsellorAsync();
        using (var hidden = await stranger.Http.GetAsync($"/api/speech/conversations/{call.ConversationId}/transcript", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var supervisor = await app.StaffAsync(Minwon.Server.Features.Staff.StaffRoles.Supervisor);
        foreach (var query in new[] { "", "?q=", "?q=" + new string('가', 101), "?q=가로등&take=0", "?q=가로등&take=500" })
        {
            using var bad = await supervisor.Http.GetAsync("/api/speech/transcripts" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
    }

    [Fact]
    public async Task An_installation_that_does_not_take_pushed_transcripts_refuses_them()
    {
        await using var app = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Speech:PushApiKey", SpeechTestKit.PushKey));
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        using var response = await app.PushAsync(call.Id.ToString(), new { speaker = "citizen", text = "안녕하세요" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var transcript = (await counsellor.Http.GetFromJsonAsync<TranscriptView>($"/api/speech/conversations/{call.ConversationId}/transcript", Ct))!;
        Assert.Equal((TranscriptBoard.Off, 0), (transcript.Status, transcript.Lines.Count));
    }
}
