using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>The server process is killed (SIGKILL) in the middle of a recorded call, then started again.</summary>
public sealed class CallCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_killed_mid_conversation_keeps_its_record_recording_and_case_and_is_ended_cleanly_at_restart()
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-callkill-").FullName;
        try
        {
            string userName;
            await using (var setup = await MinwonApp.StartAsync(Db.Sqlite, dataDir: dataDir))
            {
                userName = (await setup.CounsellorAsync(maxConcurrent: 1)).UserName;
            }

            Guid callId, conversationId;
            await using var caller = new AudioSocketTestClient();
            // The server takes an AudioSocket port of its own choosing and says which (ServerProcess.AudioSocketPortAsync).
            await using (var server = await ServerProcess.StartAsync(dataDir, $"--Minwon:Voice:ApiKey={VoiceTestKit.ApiKey}"))
            {
                var port = await server.AudioSocketPortAsync();
                var cookies = new CookieContainer();
                using var desk = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
                {
                    BaseAddress = server.BaseAddress,
                };
                await AppActors.SignInAsync(desk, userName, AppActors.Password);
                await using var live = await HubClients.StaffHubAsync(server.BaseAddress, cookies, Ct);
                (await desk.PutAsJsonAsync("/api/presence", new { presence = "Available" }, Ct)).EnsureSuccessStatusCode();
                using (var pbx = new HttpClient { BaseAddress = server.BaseAddress })
                {
                    pbx.DefaultRequestHeaders.Add("X-Api-Key", VoiceTestKit.ApiKey);
                    (await pbx.PostAsJsonAsync("/api/voice/calls", new AnnounceCallRequest(caller.Uuid.ToString(), "01024681357", "120"), Ct)).EnsureSuccessStatusCode();
                }

                await caller.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                CallDto? offered = null;
                await VoiceTestKit.UntilAsync(async () => (offered = (await desk.GetFromJsonAsync<List<CallDto>>("/api/voice/calls", Ct))!.FirstOrDefault()) is not null,
                    "the call to be offered\n" + server.Output, 30);
                callId = offered!.Id;
                (await desk.PostAsync($"/api/voice/calls/{callId}/answer", null, Ct)).EnsureSuccessStatusCode();
                conversationId = offered.ConversationId!.Value;
                await VoiceTestKit.UntilAsync(async () => (await desk.GetFromJsonAsync<List<RecordingDto>>($"/api/voice/conversations/{conversationId}/recordings", Ct))!.Count == 1,
                    "the recording to start", 30);

                caller.Say(VoiceSignals.Tone(440, 8000, 4.0, 12000));
                // Killed once three 1-second chunks (8 kHz stereo PCM16, sealed) are on disk, however slow the machine.
                await VoiceTestKit.UntilAsync(() => Directory.GetFiles(Path.Combine(dataDir, "recordings"), "*.mwrec")
                    .Sum(f => new FileInfo(f).Length) >= 3 * 8000 * 2 * 2, "three seconds of recording on disk", 60);
                server.Kill();
            }

            // The caller's connection dies with the process: a closed socket, not endless silence.
            Assert.Null(await caller.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct));

            await using var after = await MinwonApp.StartAsync(Db.Sqlite, VoiceTestKit.Settings(), dataDir: dataDir);
            var call = await after.CallAsync(c => c.Id == callId);
            Assert.Equal((CallState.Ended, "node-restart"), (call.State, call.HangupCause));
            Assert.Equal("01024681357", call.CallerNumber);
            Assert.Equal(ConversationStatus.WrapUp, (await after.RowsAsync<Conversation>(q => q.Where(c => c.Id == conversationId))).Single().Status);
            var recording = (await after.RowsAsync<CallRecording>(q => q.Where(r => r.CallId == callId))).Single();
            Assert.True(recording.DurationMs >= 3000, $"{recording.DurationMs} ms of the call survived");

            var (desk2, _) = await AppActors.SignInAsync(after, userName, AppActors.Password);
            using (desk2)
            {
                var wav = await desk2.GetByteArrayAsync($"/api/voice/recordings/{recording.Id}", Ct);
                var (left, _) = AudioSocketCallTests.Stereo(wav);
                Assert.True(left.Length >= 8000 * 3, $"{left.Length} samples decrypted");
                var loudest = Enumerable.Range(0, left.Length / 8000).Max(s => Pcm.Dbfs(left.AsSpan(s * 8000, 8000)));
                Assert.True(loudest > -20, $"the caller's tone is in the recording ({loudest:F1} dBFS)");

                using var close = await desk2.PostAsJsonAsync($"/api/conversations/{conversationId}/close",
                    new { summary = "통화 중 서버 재시작", disposition = "Answered" }, Ct);
                await ChatApi.ExpectAsync(HttpStatusCode.OK, close);
                var filed = (await close.Content.ReadFromJsonAsync<CaseDto>(Ct))!;
                Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", filed.ReceiptNumber);
            }
        }
        finally
        {
            MinwonApp.DeleteDataDir(dataDir);
        }
    }
}
