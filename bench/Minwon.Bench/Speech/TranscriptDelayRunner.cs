using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Voice;
using Minwon.Server.Data;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Transports;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Bench.Speech;

/// <summary>
/// `dotnet run -c Release --project bench/Minwon.Bench -- transcript-delay [--calls 20] [--segments 10] [--gap-ms 1500] [--smoke]`
/// (issue 12, docs/benchmarks/speech.md): the delay from the end of an utterance to its final line on the desk with the
/// pushed-transcript engine. The real server runs as `./minwon serve` does (fresh SQLite, a free loopback port);
/// <c>--calls</c> AudioSocket callers stay connected (20 ms frames of silence), and a bench-side stand-in for the outside
/// STT system posts each call's final segments (<c>POST /api/speech/calls/{call}/segments</c>) one utterance after the
/// other, every call at once. The clock starts when the segment is posted (the outside system's own recognition time is
/// not Minwon's) and stops when the desk's transcript panel would get the line: the <c>MessageAdded</c> of kind speech on
/// the node's <see cref="LiveBus"/>, which the panel's Blazor circuit follows (its render and the browser's hop are
/// not in the figure). `--smoke` (eng/test.sh): 2 calls, 3 segments; checks every line arrived, never speed.
/// </summary>
public static class TranscriptDelayRunner
{
    private const string VoiceKey = "bench-voice-key";
    private const string PushKey = "bench-push-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains(Smoke.Flag);
        var calls = Option(args, "--calls", smoke ? 2 : 20);
        var segments = Option(args, "--segments", smoke ? 3 : 10);
        var gapMs = Option(args, "--gap-ms", smoke ? 200 : 1500);
        Console.WriteLine($"transcript-delay: {calls} calls x {segments} final segments, {gapMs} ms between a call's segments; " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

        var dataDir = Directory.CreateTempSubdirectory("minwon-transcript-bench-").FullName;
        var app = Hosting.ProductHost.Build([
            $"--{MinwonOptions.Section}:DataDir={dataDir}", "--Minwon:SeedDemoData=false", "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0", $"--Minwon:Voice:ApiKey={VoiceKey}",
            "--Minwon:Speech:Engine=pushed", $"--Minwon:Speech:PushApiKey={PushKey}", "--Minwon:Callbot:Enabled=false"]);
        await MinwonCli.PrepareDatabaseAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        using var stop = new CancellationTokenSource();
        var callers = new List<(Guid Uuid, Guid CallId, TcpClient Tcp, Task Pump)>();
        var delays = new ConcurrentBag<double>();
        var responses = new ConcurrentBag<double>();
        var failures = 0;
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            var listener = app.Services.GetRequiredService<AudioSocketListener>();
            await listener.Started.WaitAsync(TimeSpan.FromSeconds(30));
            var endpoint = listener.Endpoint ?? throw new InvalidOperationException("AudioSocket is not listening: " + listener.Failure);
            for (var i = 0; i < calls; i++)
            {
                var uuid = Guid.NewGuid();
                using var announce = new HttpRequestMessage(HttpMethod.Post, "/api/voice/calls")
                {
                    Content = JsonContent.Create(new { uuid = uuid.ToString(), from = $"010-3{i / 1000:D3}-{i % 1000:D4}", to = "120" }),
                };
                announce.Headers.Add("X-Api-Key", VoiceKey);
                using var announced = await http.SendAsync(announce);
                announced.EnsureSuccessStatusCode();
                var callId = (await announced.Content.ReadFromJsonAsync<AnnounceCallResponse>())!.CallId;
                var tcp = new TcpClient();
                await tcp.ConnectAsync(endpoint);
                callers.Add((uuid, callId, tcp, PumpAsync(tcp, uuid, stop.Token)));
            }

            // Each call is filed (a conversation) once its media starts.
            var conversations = new Dictionary<Guid, Guid>();
            for (var tries = 0; conversations.Count < calls && tries < 1200; tries++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
                var ids = callers.Select(c => c.CallId).ToList();
                conversations = await db.Set<Call>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.ConversationId != null)
                    .ToDictionaryAsync(c => c.Id, c => c.ConversationId!.Value);
                await Task.Delay(100);
            }

            if (conversations.Count < calls)
            {
                Console.Error.WriteLine($"transcript-delay: only {conversations.Count} of {calls} calls were filed");
                return 1;
            }

            var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
            var bus = app.Services.GetRequiredService<LiveBus>();
            Task OnEvent(LiveEvent e)
            {
                if (e is MessageAdded { Message.Kind: "speech" } m && waiting.TryGetValue(m.ConversationId, out var pending))
                {
                    pending.TrySetResult(Stopwatch.GetTimestamp());
                }

                return Task.CompletedTask;
            }

            bus.Published += OnEvent;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(callers.Select(async (caller, index) =>
            {
                using var push = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
                push.DefaultRequestHeaders.Add("X-Api-Key", PushKey);
                var conversation = conversations[caller.CallId];
                await Task.Delay(index * gapMs / Math.Max(1, calls)); // calls' utterances do not all end at the same instant
                for (var s = 0; s < segments; s++)
                {
                    var shown = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                    waiting[conversation] = shown;
                    var t0 = Stopwatch.GetTimestamp();
                    using var response = await push.PostAsJsonAsync($"/api/speech/calls/{caller.Uuid}/segments", new
                    {
                        speaker = s % 2 == 0 ? "citizen" : "counsellor",
                        text = s % 2 == 0 ? "집 앞 도로에 큰 구멍이 생겨서 차가 다니기 위험해요." : "네, 위치를 말씀해 주시면 바로 접수해 드리겠습니다.",
                        final = true, startMs = s * 4000, endMs = s * 4000 + 3000, segmentId = $"bench-{index}-{s}",
                    });
                    responses.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }

                    var done = await Task.WhenAny(shown.Task, Task.Delay(TimeSpan.FromSeconds(30)));
                    if (done == shown.Task)
                    {
                        delays.Add(Stopwatch.GetElapsedTime(t0, await shown.Task).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }

                    await Task.Delay(gapMs);
                }
            }));
            bus.Published -= OnEvent;
            var elapsed = Stopwatch.GetElapsedTime(started);
            Print("end of utterance (segment posted) -> line on the desk's LiveBus", [.. delays]);
            Print("push answered (201, stored)", [.. responses]);
            Console.WriteLine($"{delays.Count} of {calls * segments} lines shown in {elapsed.TotalSeconds:F1} s, {failures} failed; load average {LoadAverage()}");
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var caller in callers)
            {
                caller.Tcp.Dispose();
            }

            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the temp directory is the OS's to clean.
            }
        }

        return Smoke.Verdict(smoke, "transcript-delay",
            (delays.Count == calls * segments, $"{calls * segments - delays.Count} of {calls * segments} lines never reached the desk"),
            (failures == 0, $"{failures} pushes failed"));
    }

    /// <summary>An AudioSocket caller: the call's UUID, then 20 ms of silence every 20 ms; what the call plays is read and dropped.</summary>
    private static async Task PumpAsync(TcpClient tcp, Guid uuid, CancellationToken ct)
    {
        var stream = tcp.GetStream();
        await stream.WriteAsync(AudioSocketCodec.UuidFrame(uuid), ct);
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                while (await stream.ReadAsync(buffer, ct) > 0)
                {
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }, ct);
        var silence = AudioSocketCodec.AudioFrame(new short[160], 8000);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await stream.WriteAsync(silence, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }

        await drain;
    }

    private static void Print(string what, double[] ms)
    {
        Array.Sort(ms);
        double P(double p) => ms.Length == 0 ? double.NaN : ms[Math.Clamp((int)Math.Ceiling(p / 100 * ms.Length) - 1, 0, ms.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={ms.Length} p50 {P(50):F1} ms, p95 {P(95):F1} ms, p99 {P(99):F1} ms, max {(ms.Length > 0 ? ms[^1] : double.NaN):F1} ms"));
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
