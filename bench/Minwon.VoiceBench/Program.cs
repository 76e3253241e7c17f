using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Minwon.Core.Voice;

// Minwon voice benchmark: N concurrent AudioSocket calls to the echo line (each recorded), against a plain TCP echo of
// the same frames in the same run. See docs/benchmarks/voice.md.
//   dotnet run -c Release --project bench/Minwon.VoiceBench -- [--calls 200] [--seconds 20] [--smoke]
var argv = args.ToList();
if (argv.Count >= 2 && argv[0] == "--echo-server")
{
    await EchoServer.RunAsync(int.Parse(argv[1], CultureInfo.InvariantCulture));
    return 0;
}

var smoke = argv.Contains("--smoke");
int Option(string name, int fallback) => argv.IndexOf(name) is var i and >= 0 && i + 1 < argv.Count ? int.Parse(argv[i + 1], CultureInfo.InvariantCulture) : fallback;
var calls = Option("--calls", smoke ? 5 : 200);
var seconds = Option("--seconds", smoke ? 5 : 20);
var httpPort = Option("--http-port", 5111);
var audioPort = Option("--audiosocket-port", 9111);
var echoPort = Option("--echo-port", 9112);
var root = Repo.Root();
var serverDll = Path.Combine(root, "src", "Minwon.Server", "bin", "Release", "net10.0", "Minwon.Server.dll");
if (!File.Exists(serverDll))
{
    Console.Error.WriteLine($"Build the server first: dotnet build src/Minwon.Server -c Release ({serverDll} is missing).");
    return 2;
}

Console.WriteLine($"# Minwon voice benchmark: {calls} calls, {seconds} s measured, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

// 1. The plain TCP echo, in a process of its own, same frames, same pacing.
using var echoProcess = Child.Start("dotnet", [typeof(EchoServer).Assembly.Location, "--echo-server", echoPort.ToString(CultureInfo.InvariantCulture)], null);
await Task.Delay(1500);
var echo = await Load.RunAsync(new IPEndPoint(IPAddress.Loopback, echoPort), calls, seconds, warmup: TimeSpan.FromSeconds(1), echoProcess.Id, announce: null);
echoProcess.Kill(entireProcessTree: true);
Console.WriteLine(echo.Describe("plain TCP echo"));

// 2. Minwon: a fresh data directory, every call to the echo line, recorded.
var dataDir = Directory.CreateTempSubdirectory("minwon-voicebench-").FullName;
var output = new List<string>();
using var server = Child.Start("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{httpPort}", $"--Minwon:DataDir={dataDir}",
    $"--Minwon:Voice:AudioSocket:Listen=127.0.0.1:{audioPort}", "--Minwon:Voice:ApiKey=bench-key", "--Minwon:Routing:Enabled=false",
    "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Minwon.Server.Features.Voice.CallManager=Information"], output);
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
http.DefaultRequestHeaders.Add("X-Api-Key", "bench-key");
for (var i = 0; ; i++)
{
    try
    {
        if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException)
    {
    }

    if (i > 600)
    {
        Console.Error.WriteLine("The server did not become ready:\n" + string.Join('\n', output));
        return 1;
    }

    await Task.Delay(100);
}

// The echo starts after the recording notice (about 4.6 s); the warm-up covers it.
var minwon = await Load.RunAsync(new IPEndPoint(IPAddress.Loopback, audioPort), calls, seconds, warmup: TimeSpan.FromSeconds(8), server.Id,
    announce: async uuid => (await http.PostAsJsonAsync("/api/voice/calls", new { uuid = uuid.ToString(), from = "0212345678", to = "echo" })).EnsureSuccessStatusCode());
Console.WriteLine(minwon.Describe("Minwon (AudioSocket, echo line, recorded)"));
Console.WriteLine($"first audio (the recording notice) after the connection, {minwon.FirstAudioMs.Length} of {calls} calls: " +
    $"p50 {Load.Result.Percentile(minwon.FirstAudioMs, 50):F0} ms, p99 {Load.Result.Percentile(minwon.FirstAudioMs, 99):F0} ms, " +
    $"max {(minwon.FirstAudioMs.Length > 0 ? minwon.FirstAudioMs[^1] : double.NaN):F0} ms (target: within 1,000 ms)");
await Task.Delay(3000);

var stats = output.Select(l => MediaLine.Parse(l)).Where(m => m is not null).Select(m => m!).ToList();
var recordings = Directory.Exists(Path.Combine(dataDir, "recordings")) ? Directory.GetFiles(Path.Combine(dataDir, "recordings")) : [];
Console.WriteLine($"server media counters over {stats.Count} calls: jitter-buffer received {stats.Sum(s => s.Received)}, played {stats.Sum(s => s.Played)}, " +
    $"dropped by policy (late {stats.Sum(s => s.Late)}, duplicate {stats.Sum(s => s.Duplicates)}, overflow {stats.Sum(s => s.Overflow)}, trimmed {stats.Sum(s => s.Trimmed)}), " +
    $"concealed {stats.Sum(s => s.Concealed)}, outbound dropped {stats.Sum(s => s.OutboundDropped)}, recording chunks dropped {stats.Sum(s => s.RecordingDropped)}");
Console.WriteLine($"recordings: {recordings.Length} files, {recordings.Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:F1} MiB");
Console.WriteLine();
Console.WriteLine("| | p50 RTT ms | p99 RTT ms | added one-way p50 ms | added one-way p99 ms | frames lost | CPU cores |");
Console.WriteLine("|---|---|---|---|---|---|---|");
Console.WriteLine($"| plain TCP echo | {echo.P(50):F2} | {echo.P(99):F2} | – | – | {echo.Lost} of {echo.Sent} | {echo.CpuCores:F3} |");
Console.WriteLine($"| Minwon | {minwon.P(50):F2} | {minwon.P(99):F2} | {minwon.P(50) - echo.P(50):F2} | {minwon.P(99) - echo.P(99):F2} | {minwon.Lost} of {minwon.Sent} | {minwon.CpuCores:F3} |");
Console.WriteLine($"ratio Minwon / echo: p50 latency {minwon.P(50) / Math.Max(0.001, echo.P(50)):F1}x, p99 {minwon.P(99) / Math.Max(0.001, echo.P(99)):F1}x, CPU {minwon.CpuCores / Math.Max(0.0001, echo.CpuCores):F1}x");
Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
server.Kill(entireProcessTree: true);
try
{
    Directory.Delete(dataDir, recursive: true);
}
catch (IOException)
{
}

// The smoke checks that every call ran and was recorded and that audio came back, never how fast (eng/test.sh).
if (smoke)
{
    var problems = new List<string>();
    if (minwon.Rtts.Length == 0)
    {
        problems.Add("no frame came back through Minwon's echo line");
    }

    if (minwon.FirstAudioMs.Length < calls)
    {
        problems.Add($"{calls - minwon.FirstAudioMs.Length} of {calls} callers heard nothing");
    }

    if (recordings.Length < calls)
    {
        problems.Add($"{recordings.Length} recordings for {calls} calls");
    }

    if (stats.Sum(s => s.RecordingDropped) > 0)
    {
        problems.Add($"{stats.Sum(s => s.RecordingDropped)} recording chunks dropped");
    }

    if (problems.Count > 0)
    {
        Console.Error.WriteLine("smoke failed: " + string.Join("; ", problems));
        return 1;
    }

    Console.WriteLine($"smoke passed: voice ({calls} calls, {minwon.Rtts.Length} frames echoed, {recordings.Length} recordings)");
}

return 0;

/// <summary>Frames are tagged (a magic sample, the call, a sequence number) so each echo is matched exactly: AudioSocket's slin passes the bridge bit for bit when one leg speaks.</summary>
internal static class Load
{
    private const short Magic = 0x5A7A;

    public static async Task<Result> RunAsync(IPEndPoint endpoint, int calls, int seconds, TimeSpan warmup, int pid, Func<Guid, Task>? announce)
    {
        var clients = new List<Caller>();
        for (var i = 0; i < calls; i++)
        {
            var uuid = Guid.NewGuid();
            if (announce is not null)
            {
                await announce(uuid);
            }

            var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(endpoint);
            var caller = new Caller(i, tcp);
            await tcp.GetStream().WriteAsync(AudioSocketCodec.UuidFrame(uuid));
            caller.StartReading();
            clients.Add(caller);
        }

        var watch = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureTo = warmup + TimeSpan.FromSeconds(seconds);
        double cpuStart = 0;
        var cpuWatch = new Stopwatch();
        long seq = 0;
        var next = TimeSpan.Zero;
        while (watch.Elapsed < measureTo + TimeSpan.FromSeconds(1))
        {
            var wait = next - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            next += TimeSpan.FromMilliseconds(20);
            var now = watch.Elapsed;
            if (!cpuWatch.IsRunning && now >= measureFrom)
            {
                cpuStart = Cpu.Seconds(pid);
                cpuWatch.Start();
            }

            var measuring = now >= measureFrom && now < measureTo;
            seq++;
            foreach (var c in clients)
            {
                var frame = new short[160];
                frame[0] = Magic;
                frame[1] = (short)c.Index;
                frame[2] = (short)(seq & 0x7FFF);
                frame[3] = (short)(seq >> 15);
                for (var k = 4; k < 160; k++)
                {
                    frame[k] = (short)(3000 * Math.Sin(k * 0.3));
                }

                c.Send(seq, AudioSocketCodec.AudioFrame(frame, 8000), watch, measuring);
            }
        }

        var cpu = Cpu.Seconds(pid) - cpuStart;
        var elapsed = cpuWatch.Elapsed.TotalSeconds;
        await Task.Delay(500);
        foreach (var c in clients)
        {
            await c.HangUpAsync();
        }

        await Task.Delay(500);
        var rtts = clients.SelectMany(c => c.Rtts).Order().ToArray();
        var sent = clients.Sum(c => c.MeasuredSent);
        var firstAudio = clients.Where(c => c.FirstAudioMs is not null).Select(c => c.FirstAudioMs!.Value).Order().ToArray();
        return new Result(rtts, sent, sent - clients.Sum(c => c.MeasuredEchoed), cpu / elapsed, firstAudio);
    }

    internal sealed class Caller(int index, TcpClient tcp)
    {
        private readonly Dictionary<long, (TimeSpan At, bool Measured)> pending = [];
        private readonly SemaphoreSlim writeLock = new(1, 1);
        private readonly Stopwatch sinceConnected = Stopwatch.StartNew();
        private Stopwatch? clock;

        /// <summary>Milliseconds from the TCP connection to the first audible frame (the recording notice on Minwon).</summary>
        public double? FirstAudioMs { get; private set; }

        public int Index { get; } = index;
        public List<double> Rtts { get; } = [];
        public int MeasuredSent { get; private set; }
        public int MeasuredEchoed { get; private set; }

        public void Send(long seq, byte[] frame, Stopwatch watch, bool measured)
        {
            clock = watch;
            lock (pending)
            {
                pending[seq] = (watch.Elapsed, measured);
                if (measured)
                {
                    MeasuredSent++;
                }
            }

            _ = WriteAsync(frame);
        }

        private async Task WriteAsync(byte[] frame)
        {
            await writeLock.WaitAsync();
            try
            {
                await tcp.GetStream().WriteAsync(frame);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
            }
            finally
            {
                writeLock.Release();
            }
        }

        public async Task HangUpAsync()
        {
            await WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Hangup, []));
            tcp.Dispose();
        }

        public void StartReading() => _ = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            var filled = 0;
            try
            {
                while (true)
                {
                    var read = await tcp.GetStream().ReadAsync(buffer.AsMemory(filled));
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    while (AudioSocketCodec.TryRead(buffer.AsSpan(0, filled), AudioSocketCodec.MaxPayload, out var kind, out var length) == AudioSocketRead.Frame)
                    {
                        if (FirstAudioMs is null && AudioSocketCodec.SampleRate(kind) > 0 && length >= 2)
                        {
                            foreach (var sample in Pcm.FromBytes(buffer.AsSpan(AudioSocketCodec.HeaderSize, length)))
                            {
                                if (Math.Abs((int)sample) > 64)
                                {
                                    FirstAudioMs = sinceConnected.Elapsed.TotalMilliseconds;
                                    break;
                                }
                            }
                        }

                        if (AudioSocketCodec.SampleRate(kind) > 0 && length >= 8)
                        {
                            var samples = Pcm.FromBytes(buffer.AsSpan(AudioSocketCodec.HeaderSize, 8));
                            if (samples[0] == Magic && samples[1] == Index && clock is { } watch)
                            {
                                var seq = (ushort)samples[2] | ((long)(ushort)samples[3] << 15);
                                lock (pending)
                                {
                                    if (pending.Remove(seq, out var sent) && sent.Measured)
                                    {
                                        Rtts.Add((watch.Elapsed - sent.At).TotalMilliseconds);
                                        MeasuredEchoed++;
                                    }
                                }
                            }
                        }

                        var consumed = AudioSocketCodec.HeaderSize + length;
                        Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                        filled -= consumed;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
            }
        });
    }

    internal sealed record Result(double[] Rtts, int Sent, int Lost, double CpuCores, double[] FirstAudioMs)
    {
        public double P(int percentile) => Percentile(Rtts, percentile);

        public static double Percentile(double[] sorted, int percentile) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

        public string Describe(string name) =>
            $"{name}: {Rtts.Length} echoes, RTT p50 {P(50):F2} ms, p90 {P(90):F2} ms, p99 {P(99):F2} ms, max {(Rtts.Length > 0 ? Rtts[^1] : double.NaN):F2} ms; " +
            $"lost {Lost} of {Sent} frames sent; CPU {CpuCores:F3} cores";
    }
}

/// <summary>The baseline: echoes every AudioSocket frame back as it came (same framing, same socket options).</summary>
internal static class EchoServer
{
    public static async Task RunAsync(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            client.NoDelay = true;
            _ = Task.Run(async () =>
            {
                using var owned = client;
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var filled = 0;
                try
                {
                    while (true)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled));
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                        while (AudioSocketCodec.TryRead(buffer.AsSpan(0, filled), AudioSocketCodec.MaxPayload, out var kind, out var length) == AudioSocketRead.Frame)
                        {
                            var consumed = AudioSocketCodec.HeaderSize + length;
                            if (AudioSocketCodec.SampleRate(kind) > 0)
                            {
                                await stream.WriteAsync(buffer.AsMemory(0, consumed));
                            }

                            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                            filled -= consumed;
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or SocketException)
                {
                }
            });
        }
    }
}

internal static class Cpu
{
    /// <summary>User plus system CPU seconds of a process, from /proc/PID/stat.</summary>
    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}

internal static class Child
{
    public static Process Start(string file, string[] args, List<string>? output)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Collect(string? line)
        {
            if (line is not null && output is not null)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        }
    }
}

internal static class Repo
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Minwon.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

internal sealed partial record MediaLine(long Received, long Played, long Late, long Duplicates, long Overflow, long Trimmed, long Concealed,
    long OutboundDropped, long RecordingDropped)
{
    public static MediaLine? Parse(string line)
    {
        var m = Pattern().Match(line);
        long G(string name) => long.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        return m.Success ? new MediaLine(G("r"), G("p"), G("l"), G("d"), G("o"), G("t"), G("c"), G("od"), G("rd")) : null;
    }

    [GeneratedRegex(@"received (?<r>\d+) played (?<p>\d+) late (?<l>\d+) duplicate (?<d>\d+) overflow (?<o>\d+) trimmed (?<t>\d+) concealed (?<c>\d+) lost \d+; sent \d+ outbound dropped (?<od>\d+); recording chunks dropped (?<rd>\d+)")]
    private static partial Regex Pattern();
}
