using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Minwon.Core.Conversations;
using Minwon.Core.Voice;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Voice;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>A carrier's call over the Twilio Media Streams protocol, with a client that sends what a carrier sends.</summary>
public sealed class MediaStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_carrier_stream_hears_the_notice_is_answered_talks_both_ways_gets_marks_and_ends_with_stop()
    {
        var citizenSpeech = VoiceSignals.Speech("수도관이 터져서 물이 새고 있어요.", 8000);
        var counsellorSpeech = VoiceSignals.Speech("바로 담당 부서에 연락드리겠습니다.", 16000);
        Assert.SkipWhen(citizenSpeech is null || counsellorSpeech is null, VoiceSignals.NoEspeak);
        await using var app = await VoiceTestKit.StartAsync();
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();

        await using var carrier = await CarrierAsync(app, "/voice/media-stream");
        await carrier.SendAsync("""{"event":"media","sequenceNumber":"1","media":{"track":"inbound","chunk":"0","timestamp":"0","payload":"/////w=="},"streamSid":"MZ1"}""");
        await carrier.SendAsync("""{"event":"connected","protocol":"Call","version":"1.0.0"}""");
        await carrier.SendAsync(Encoding.UTF8.GetString(MediaStreamProtocol.CarrierStart("MZ1", "CA-test-1",
            new Dictionary<string, string> { ["from"] = "01055556666", ["to"] = "120", ["key"] = VoiceTestKit.ApiKey })));
        carrier.StartPacing();
        await VoiceTestKit.UntilAsync(() => carrier.FirstAudible() is not null, "the notice", 30);
        Assert.Contains(app.Logs.Lines(), l => l.Contains("media before its start", StringComparison.Ordinal));

        var call = await app.CallAsync(c => c.ExternalId == "CA-test-1");
        Assert.Equal((CallRecords.MediaStream, "01055556666"), (call.Transport, call.CallerNumber));
        await app.RouteAsync();
        await counsellor.AnswerAsync(call.Id);
        await using var softphone = await app.StaffSocketAsync(counsellor, call.Id, "agent");
        await VoiceTestKit.UntilAsync(() => carrier.HasMark(Minwon.Server.Features.Voice.Speech.PromptLibrary.RecordingNotice), "a mark after the notice", 15);

        var from = softphone.Elapsed;
        carrier.Say(citizenSpeech!);
        var sentAt16k = Minwon.Server.Features.Voice.Speech.PromptLibrary.Resample(G711RoundTrip(citizenSpeech!), 8000, 16000);
        await VoiceTestKit.HearsAsync(() => softphone.AudioBetween(from, softphone.Elapsed), sentAt16k, 16000, "the counsellor hears the citizen");

        from = carrier.Elapsed;
        softphone.Say(counsellorSpeech!);
        var replyAt8k = Minwon.Server.Features.Voice.Speech.PromptLibrary.Resample(counsellorSpeech!, 16000, 8000);
        await VoiceTestKit.HearsAsync(() => carrier.AudioBetween(from, carrier.Elapsed), replyAt8k, 8000, "the citizen hears the counsellor");

        await carrier.SendAsync("""{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"900","dtmf":{"track":"inbound_track","digit":"7"}}""");
        await VoiceTestKit.UntilAsync(() => softphone.HasControl("dtmf", "digit", "7"), "the digit on the softphone");

        await carrier.SendAsync("""{"event":"stop","sequenceNumber":"901","stop":{"callSid":"CA-test-1"},"streamSid":"MZ1"}""");
        await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.Id == call.Id)).State == CallState.Ended, "the call to end");
        Assert.Equal(ConversationStatus.WrapUp, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single().Status);
    }

    [Fact]
    public async Task A_stream_without_the_key_is_closed_as_a_policy_violation_and_bad_messages_are_logged_not_fatal()
    {
        await using var app = await VoiceTestKit.StartAsync();
        await using (var carrier = await CarrierAsync(app, "/voice/media-stream"))
        {
            await carrier.SendAsync("not json at all");
            await carrier.SendAsync("""{"event":"teleport"}""");
            await carrier.SendAsync(Encoding.UTF8.GetString(MediaStreamProtocol.CarrierStart("MZ2", "CA-test-2",
                new Dictionary<string, string> { ["from"] = "01011112222", ["key"] = "wrong" })));
            await carrier.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, carrier.CloseStatus);
        }

        Assert.Empty(await app.RowsAsync<Call>());
        var lines = app.Logs.Lines().ToList();
        Assert.Contains(lines, l => l.Contains("not JSON", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Unknown event", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("no valid key", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Category.Contains("Voice", StringComparison.Ordinal) && e.Exception is not null);

        // The key in the URL is enough; the stream then needs none in customParameters.
        await using var keyed = await CarrierAsync(app, $"/voice/media-stream?key={VoiceTestKit.ApiKey}");
        await keyed.SendAsync(Encoding.UTF8.GetString(MediaStreamProtocol.CarrierStart("MZ3", "CA-test-3", new Dictionary<string, string>())));
        await VoiceTestKit.UntilAsync(async () => (await app.RowsAsync<Call>()).Any(c => c.ExternalId == "CA-test-3"), "the keyed call");
    }

    private static short[] G711RoundTrip(short[] pcm)
    {
        var codes = new byte[pcm.Length];
        var back = new short[pcm.Length];
        G711.EncodeMuLaw(pcm, codes);
        G711.DecodeMuLaw(codes, back);
        return back;
    }

    private static async Task<CarrierClient> CarrierAsync(MinwonApp app, string path)
    {
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost" + path), Ct);
        return new CarrierClient(socket);
    }

    /// <summary>What a carrier does: JSON text messages, 20 ms μ-law media paced in real time, numbered by chunk.</summary>
    private sealed class CarrierClient : IAsyncDisposable
    {
        private readonly WebSocket socket;
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly SemaphoreSlim send = new(1, 1);
        private readonly CancellationTokenSource stop = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<short[]> toSend = new();
        private readonly Task reader;
        private Task? pacer;

        public CarrierClient(WebSocket socket)
        {
            this.socket = socket;
            reader = Task.Run(ReadAsync);
        }

        public List<(TimeSpan At, short[] Pcm)> Media { get; } = [];

        public List<string> Marks { get; } = [];

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

        public TimeSpan Elapsed => watch.Elapsed;

        public async Task SendAsync(string json)
        {
            await send.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                send.Release();
            }
        }

        public void StartPacing() => pacer = Task.Run(PaceAsync);

        public void Say(short[] samples)
        {
            for (var i = 0; i < samples.Length; i += 160)
            {
                var f = new short[160];
                samples.AsSpan(i, Math.Min(160, samples.Length - i)).CopyTo(f);
                toSend.Enqueue(f);
            }
        }

        public bool HasMark(string prefix)
        {
            lock (Marks)
            {
                return Marks.Any(m => m.StartsWith(prefix, StringComparison.Ordinal));
            }
        }

        public TimeSpan? FirstAudible()
        {
            lock (Media)
            {
                return Media.FirstOrDefault(m => !Pcm.IsSilent(m.Pcm)).At is { } at && at > TimeSpan.Zero ? at : null;
            }
        }

        public short[] AudioBetween(TimeSpan from, TimeSpan to)
        {
            lock (Media)
            {
                return Media.Where(m => m.At >= from && m.At < to).SelectMany(m => m.Pcm).ToArray();
            }
        }

        private async Task PaceAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            var chunk = 1L;
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var pcm = toSend.TryDequeue(out var f) ? f : new short[160];
                    var codes = new byte[160];
                    G711.EncodeMuLaw(pcm, codes);
                    await SendAsync(Encoding.UTF8.GetString(MediaStreamProtocol.CarrierMedia("MZ1", chunk + 1, chunk, codes)));
                    chunk++;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(count), stop.Token);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    using var doc = JsonDocument.Parse(buffer.AsMemory(0, count));
                    var root = doc.RootElement;
                    switch (root.GetProperty("event").GetString())
                    {
                        case "media":
                            var codes = Convert.FromBase64String(root.GetProperty("media").GetProperty("payload").GetString()!);
                            var pcm = new short[codes.Length];
                            G711.DecodeMuLaw(codes, pcm);
                            lock (Media)
                            {
                                Media.Add((watch.Elapsed, pcm));
                            }

                            break;
                        case "mark":
                            lock (Marks)
                            {
                                Marks.Add(root.GetProperty("mark").GetProperty("name").GetString()!);
                            }

                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }

            Closed.TrySetResult();
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (pacer is not null)
            {
                await pacer.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            socket.Dispose();
        }
    }
}
