using System.Net;
using System.Net.Http.Json;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Recording;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>
/// A phone call end to end over AudioSocket, driven by a client written to the published framing: notice, queue,
/// answer on the softphone socket, speech both ways (checked by cross-correlation with what was sent), DTMF, hold,
/// hang-up, the case with its receipt number and the encrypted recording.
/// </summary>
public sealed class AudioSocketCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_announced_call_hears_the_notice_queues_is_answered_talks_both_ways_holds_and_ends_as_a_recorded_case()
    {
        var citizenSpeech = VoiceSignals.Speech("안녕하세요, 우리 동네 가로등이 고장 났어요.", 8000);
        var counsellorSpeech = VoiceSignals.Speech("네, 위치를 알려 주시면 바로 접수해 드리겠습니다.", 16000);
        Assert.SkipWhen(citizenSpeech is null || counsellorSpeech is null, VoiceSignals.NoEspeak);

        await using var app = await VoiceTestKit.StartAsync();
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        await using var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, "010-1234-5678");

        await caller.ConnectAsync(await app.AudioSocketAsync());
        await VoiceTestKit.UntilAsync(() => caller.FirstAudible() is not null, "the recording notice", 30);

        Call call = null!;
        await VoiceTestKit.UntilAsync(async () => (call = (await app.FindCallAsync(c => c.Id == announced.CallId))!)?.ConversationId is not null, "the call to queue");
        var conversation = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single();
        Assert.Equal((Channels.Phone, ConversationStatus.Queued), (conversation.Channel, conversation.Status));
        Assert.Equal("010-1234-5678", call.CallerNumber);

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        var answered = await counsellor.AnswerAsync(call.Id);
        Assert.NotNull(answered.MediaPath);
        await using var softphone = await app.StaffSocketAsync(counsellor, call.Id, "agent");
        await VoiceTestKit.UntilAsync(() => softphone.HasControl("ready"), "the softphone to be ready");
        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<CallRecording>()).Count == 1, "the recording to start after the notice");

        // Citizen to counsellor: the counsellor's 16 kHz stream carries the citizen's 8 kHz speech.
        var from = softphone.Elapsed;
        caller.Say(citizenSpeech!);
        var sentAt16k = Minwon.Server.Features.Voice.Speech.PromptLibrary.Resample(citizenSpeech!, 8000, 16000);
        await VoiceTestKit.HearsAsync(() => softphone.AudioBetween(from, softphone.Elapsed), sentAt16k, 16000, "the counsellor hears the caller");

        // Counsellor to citizen.
        from = caller.Elapsed;
        softphone.Say(counsellorSpeech!);
        var replyAt8k = Minwon.Server.Features.Voice.Speech.PromptLibrary.Resample(counsellorSpeech!, 16000, 8000);
        await VoiceTestKit.HearsAsync(() => caller.AudioBetween(from, caller.Elapsed), replyAt8k, 8000, "the caller hears the counsellor");

        await caller.DtmfAsync('5');
        await VoiceTestKit.UntilAsync(() => softphone.HasControl("dtmf", "digit", "5"), "the digit on the softphone");

        // On hold the citizen hears music, not the counsellor.
        await counsellor.ExpectNoContentAsync($"/api/voice/calls/{call.Id}/hold", new ToggleRequest(true));
        Assert.Equal(CallState.Held, (await app.CallAsync(c => c.Id == call.Id)).State);
        from = caller.Elapsed;
        softphone.Say(counsellorSpeech);
        await Task.Delay(TimeSpan.FromSeconds(counsellorSpeech.Length / 16000.0 + 1), Ct);
        var onHold = caller.AudioBetween(from, caller.Elapsed);
        Assert.True(Pcm.Dbfs(onHold) > -45, "hold music is audible");
        Assert.True(VoiceSignals.Match(replyAt8k, onHold, 8000) < 0.45, $"the counsellor is not heard on hold ({VoiceSignals.Match(replyAt8k, onHold, 8000):F2})");
        await counsellor.ExpectNoContentAsync($"/api/voice/calls/{call.Id}/hold", new ToggleRequest(false));

        await caller.HangUpAsync();
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == call.Id)).State == CallState.Ended, "the call to end");
        Assert.Equal("caller-hangup", (await app.CallAsync(c => c.Id == call.Id)).HangupCause);
        await VoiceTestKit.UntilAsync(() => softphone.HasControl("ended"), "the softphone to hear the hang-up");
        Assert.Equal(ConversationStatus.WrapUp, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Status);

        var filed = await counsellor.CloseAsync(call.ConversationId!.Value, null, null, "가로등 고장 신고 접수");
        Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", filed.ReceiptNumber);
        Assert.Equal(Channels.Phone, (await app.RowsAsync<Case>(q => q.Where(c => c.Id == filed.Id))).Single().Channel);

        // The recording: listed on the conversation, played back as a WAV, the citizen on the left channel.
        var recordings = await counsellor.Http.GetFromJsonAsync<List<RecordingDto>>($"/api/voice/conversations/{call.ConversationId}/recordings", Ct);
        var recording = Assert.Single(recordings!);
        Assert.True(recording.DurationMs > 5000, $"{recording.DurationMs} ms recorded");
        var wav = await counsellor.Http.GetByteArrayAsync(recording.AudioUrl, Ct);
        var (left, right) = Stereo(wav);
        // espeak-ng speaks on one pitch, so two different sentences still correlate up to about 0.4 somewhere; a channel
        // "has" a voice when it matches clearly better than the other channel does.
        var (citizenLeft, citizenRight) = (VoiceSignals.Match(citizenSpeech, left, 8000), VoiceSignals.Match(citizenSpeech, right, 8000));
        var (counsellorLeft, counsellorRight) = (VoiceSignals.Match(replyAt8k, left, 8000), VoiceSignals.Match(replyAt8k, right, 8000));
        Assert.True(citizenLeft > 0.6 && citizenLeft - citizenRight > 0.25, $"the citizen is on the left channel ({citizenLeft:F2} vs {citizenRight:F2})");
        Assert.True(counsellorRight > 0.6 && counsellorRight - counsellorLeft > 0.25, $"the counsellor is on the right channel ({counsellorRight:F2} vs {counsellorLeft:F2})");
        Assert.Contains(await app.RowsAsync<AccessLogEntry>(), e => e.Record == $"recording:{recording.Id}" && e.Action == "play" && e.ActorId == counsellor.Id);
        using (var download = await counsellor.Http.GetAsync(recording.AudioUrl + "?download=true", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        // At rest the file is ciphertext: no run of the PCM appears in it.
        var file = Directory.GetFiles(Path.Combine(app.DataDir, "recordings")).Single();
        var pcm = wav.AsSpan(Wav.HeaderSize, 4000).ToArray();
        Assert.True((await File.ReadAllBytesAsync(file, Ct)).AsSpan().IndexOf(pcm.AsSpan(1000, 64)) < 0);
    }

    [Fact]
    public async Task A_call_without_an_announcement_is_answered_as_an_unknown_caller_and_an_error_frame_ends_it()
    {
        await using var app = await VoiceTestKit.StartAsync();
        await using var caller = new AudioSocketTestClient();
        await caller.ConnectAsync(await app.AudioSocketAsync());
        Call? call = null;
        await VoiceTestKit.UntilAsync(async () => (call = await app.FindCallAsync(c => c.ExternalId == caller.Uuid.ToString()))?.ConversationId is not null, "the call");
        Assert.Null(call!.CallerNumber);
        var conversation = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single();
        var contact = (await app.RowsAsync<Contact>(q => q.Where(c => c.Id == conversation.ContactId))).Single();
        Assert.StartsWith("call:", contact.ExternalKey);

        await caller.SendFrameAsync(AudioSocketCodec.Frame(AudioSocketKind.Error, [0x02]));
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == call.Id)).State == CallState.Ended, "the call to end");
        Assert.Equal("caller-error", (await app.CallAsync(c => c.Id == call.Id)).HangupCause);
        Assert.Equal(ConversationStatus.Abandoned, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Status);
        Assert.Contains(app.Logs.Lines(), l => l.Contains("reported error code 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_who_waits_long_is_offered_a_callback_and_pressing_1_files_a_callback_case()
    {
        await using var app = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Voice:CallbackOfferSeconds", "60"), ("Minwon:Voice:DefaultHandleSeconds", "600"));
        await using var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, "+82 10-9876-5432");
        await caller.ConnectAsync(await app.AudioSocketAsync());

        // The notice, the place in queue, then the offer; the key is taken once the offer has been made.
        await VoiceTestKit.UntilAsync(() => app.Services.GetRequiredService<CallManager>().Find(announced.CallId) is { } s && s.Speaker.IsPlaying
            && s.AwaitingCallbackKey, "the callback offer", 30);
        await caller.DtmfAsync('1');
        Assert.Equal(AudioSocketKind.Hangup, await caller.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == announced.CallId)).State == CallState.Ended, "the call record to end");

        var call = await app.CallAsync(c => c.Id == announced.CallId);
        Assert.Equal("callback-booked", call.HangupCause);
        var conversation = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single();
        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        var record = (await app.RowsAsync<Case>(q => q.Where(c => c.ConversationId == conversation.Id))).Single();
        Assert.Equal(CaseDisposition.CallbackNeeded, record.Disposition);
        Assert.Equal("+82 10-9876-5432".Replace(" ", ""), (await app.RowsAsync<Minwon.Server.Features.Chatbot.CallbackRequest>(q => q.Where(r => r.CaseId == record.Id))).Single().Phone);
    }

    public static (short[] Left, short[] Right) Stereo(byte[] wav)
    {
        var samples = Pcm.FromBytes(wav.AsSpan(Wav.HeaderSize));
        var left = new short[samples.Length / 2];
        var right = new short[samples.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = samples[2 * i];
            right[i] = samples[2 * i + 1];
        }

        return (left, right);
    }
}
