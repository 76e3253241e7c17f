using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Speech;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// The transcriber as a listener leg on a real call over AudioSocket: espeak-ng Korean from the caller and the
/// counsellor's softphone, cut into utterances by the VAD per leg, each sent to the outside engine
/// (<see cref="FakeOutsideSttService"/>, the seam) and stored as a masked line of the right speaker with its timing.
/// An engine that fails makes the desk say the transcript is unavailable while the call goes on.
/// </summary>
public sealed class CallTranscriptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MinwonApp> StartAsync(FakeOutsideSttService stt, Db db = Db.Sqlite) => VoiceTestKit.StartAsync(db,
        ("Minwon:Speech:Engine", "openai"), ("Minwon:Speech:OpenAi:Url", stt.Url), ("Minwon:Speech:OpenAi:Model", "ko-test-model"),
        ("Minwon:Speech:TimeoutSeconds", "2"));

    private static async Task<List<TranscriptLine>> LinesAsync(StaffMember staff, Guid conversationId) =>
        [.. (await staff.Http.GetFromJsonAsync<TranscriptView>($"/api/speech/conversations/{conversationId}/transcript", Ct))!.Lines];

    /// <summary>Waits like <see cref="VoiceTestKit.UntilAsync(Func{Task{bool}}, string, double)"/>; a timeout says what the engine saw and the app logged.</summary>
    private static async Task UntilAsync(MinwonApp app, FakeOutsideSttService stt, Func<Task<bool>> condition, string what, double seconds)
    {
        try
        {
            await VoiceTestKit.UntilAsync(condition, what, seconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}; the engine got {stt.Requests.Count} requests; logs: "
                + string.Join(" | ", app.Logs.Lines()));
        }
    }

    private static short[] Join(int rate, params short[][] parts)
    {
        var gap = new short[rate * 6 / 5];
        return [.. parts.SelectMany(p => p.Concat(gap))];
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Each_legs_utterances_become_masked_lines_of_their_speaker_with_timings(Db db)
    {
        var first = VoiceSignals.Speech("집 앞 가로등이 고장 났어요.", 8000);
        var second = VoiceSignals.Speech("제 전화번호는 공일공 사오육칠 팔구일공 입니다.", 8000);
        var reply = VoiceSignals.Speech("네, 바로 접수해 드리겠습니다.", 16000);
        Assert.SkipWhen(first is null || second is null || reply is null, VoiceSignals.NoEspeak);
        if (db == Db.Postgres)
        {
            TestPostgres.SkipUnlessAvailable();
        }

        await using var stt = await FakeOutsideSttService.StartAsync();
        stt.Answer("집 앞 가로등이 고장 났어요", "제 전화번호는 010-4567-8910입니다", "네, 바로 접수해 드리겠습니다");
        await using var app = await StartAsync(stt, db);
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        var conversationId = call.ConversationId!.Value;
        await app.TranscribingAsync(call.Id);
        await using var softphone = await app.StaffSocketAsync(counsellor, call.Id, "agent");
        await VoiceTestKit.UntilAsync(() => softphone.HasControl("ready"), "the softphone to be ready");

        caller.Say(Join(8000, first!, second!));
        await UntilAsync(app, stt, async () => (await LinesAsync(counsellor, conversationId)).Count == 2, "two citizen lines", 40);
        softphone.Say(reply!);
        await UntilAsync(app, stt, async () => (await LinesAsync(counsellor, conversationId)).Count == 3, "the counsellor's line", 40);

        var lines = await LinesAsync(counsellor, conversationId);
        Assert.Equal(["citizen", "citizen", "counsellor"], lines.Select(l => l.Speaker));
        Assert.Equal("집 앞 가로등이 고장 났어요", lines[0].Text);
        Assert.DoesNotContain("4567", lines[1].Text);
        Assert.True(lines[1].HasMaskedData);
        Assert.Equal(counsellor.DisplayName, lines[2].SpeakerName);

        // One request per utterance, each the utterance's length plus padding (not the whole call, not a fragment).
        var requests = stt.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal(("ko-test-model", "ko", true), (r.Model, r.Language, r.MonoWav)));
        var spoken = new[] { first!.Length / 8000.0, second!.Length / 8000.0, reply!.Length / 16000.0 };
        for (var i = 0; i < 3; i++)
        {
            var seconds = (double)requests[i].Samples / requests[i].SampleRate;
            Assert.InRange(seconds, spoken[i] - 0.4, spoken[i] + 0.9);
        }

        // Timings from the start of the recording: in order, each as long as what was said.
        Assert.True(lines[0].EndMs < lines[1].StartMs && lines[1].EndMs < lines[2].StartMs,
            string.Join(", ", lines.Select(l => $"{l.StartMs}-{l.EndMs}")));
        Assert.InRange((lines[1].EndMs - lines[1].StartMs) / 1000.0, spoken[1] - 0.5, spoken[1] + 0.5);
        Assert.Equal(3, (await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversationId && m.Kind == MessageKind.Speech))).Count);
    }

    [Fact]
    public async Task A_failing_engine_leaves_the_call_up_and_the_desk_says_the_transcript_is_unavailable_until_it_answers_again()
    {
        var speech = VoiceSignals.Speech("가로등이 고장 났어요.", 8000);
        Assert.SkipWhen(speech is null, VoiceSignals.NoEspeak);
        await using var stt = await FakeOutsideSttService.StartAsync();
        await using var app = await StartAsync(stt);
        var counsellor = await app.CounsellorAsync();
        var (caller, call) = await app.AnsweredCallAsync(counsellor);
        await using var _ = caller;
        var conversationId = call.ConversationId!.Value;
        await app.TranscribingAsync(call.Id);
        async Task<string> StatusAsync() =>
            (await counsellor.Http.GetFromJsonAsync<TranscriptView>($"/api/speech/conversations/{conversationId}/transcript", Ct))!.Status;
        Assert.Equal(TranscriptBoard.Live, await StatusAsync());

        foreach (var mode in new[] { "hang", "html", "500" })
        {
            stt.Mode = mode;
            var before = stt.Requests.Count;
            caller.Say(Join(8000, speech!));
            await UntilAsync(app, stt, async () => stt.Requests.Count > before && await StatusAsync() == TranscriptBoard.Unavailable,
                $"the desk to say unavailable ({mode})", 30);
            Assert.Equal(CallState.Talking, (await app.CallAsync(c => c.Id == call.Id)).State);
            stt.Mode = "text";
            stt.Answer("가로등이 고장 났어요");
            caller.Say(Join(8000, speech!));
            await UntilAsync(app, stt, async () => await StatusAsync() == TranscriptBoard.Live, $"the transcript to come back after {mode}", 30);
        }

        // One line each time the engine came back; under load the detector may cut one utterance in two (then the
        // recorded answers run out and the extra request hears nothing), so more requests than lines can happen.
        // The status turns live with the engine's answer; the line it carries is stored just after, so wait for it.
        await UntilAsync(app, stt, async () => (await LinesAsync(counsellor, conversationId)).Count >= 3, "the third line to be stored", 30);
        Assert.InRange((await LinesAsync(counsellor, conversationId)).Count, 3, 6);
        Assert.Contains(app.Logs.Lines(), l => l.Contains("speech engine failed an utterance", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines(), l => l.Contains("가로등", StringComparison.Ordinal));
    }
}
