using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Minwon.LoadGen;

/// <summary>Runs the Minwon phase, then the echo baseline on the same machine, and writes the summary and the JSON.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(LoadOptions options, DateTimeOffset startedAt, CancellationToken ct)
    {
        var workDir = options.WorkRoot is { } root
            ? Directory.CreateDirectory(Path.Combine(root, "minwon-loadgen-" + Guid.NewGuid().ToString("N")[..8])).FullName
            : Directory.CreateTempSubdirectory("minwon-loadgen-").FullName;
        void Say(string line) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {line}");
        var outPath = Path.GetFullPath(options.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        try
        {
            MinwonFigures? minwon = null;
            if (!options.SkipMinwon)
            {
                minwon = await new MinwonRun(options, workDir, Say).RunAsync(ct);
                File.Copy(minwon.ServerLog, Path.ChangeExtension(outPath, ".server.log"), overwrite: true);
                minwon = minwon with { ServerLog = Path.ChangeExtension(outPath, ".server.log") };
            }

            EchoFigures? echo = null;
            ProcessFigures? echoServer = null;
            if (minwon is { Setup.Assigned: 0 })
            {
                Say("No conversation reached a counsellor: the echo baseline (same connections and rate) is skipped.");
            }
            else if (!options.SkipEcho)
            {
                var connections = minwon is null ? options.Conversations + options.Counsellors : minwon.Setup.Assigned + minwon.Setup.Counsellors;
                var rate = options.MessagesPerSecond(minwon?.Setup.Assigned ?? options.Conversations);
                (echo, echoServer) = await RunEchoAsync(options, workDir, connections, rate, Say, ct);
            }

            var ratio = minwon is not null && echo is { RoundTrip.Count: > 0 }
                ? new RatioFigures(Math.Round(minwon.Delivery.Delivery.P50Ms / echo.RoundTrip.P50Ms, 1),
                    Math.Round(minwon.Delivery.Delivery.P99Ms / echo.RoundTrip.P99Ms, 1))
                : null;
            var d = minwon?.Delivery;
            bool? lagMet = minwon?.ConsumerLag is { } lag ? lag.P99Seconds < 1 : null;
            var verdict = d is null ? null : new Verdict(options.TargetP99Ms, d.Delivery.P99Ms < options.TargetP99Ms, d.Lost == 0 && d.SendErrors == 0,
                d.DuplicatesAfterSeqDedupe == 0 && d.RawDuplicates == 0, d.OutOfOrder == 0 && d.SeqGaps == 0, lagMet,
                d.Delivery.P99Ms < options.TargetP99Ms && d.Lost == 0 && d.SendErrors == 0 && d.DuplicatesAfterSeqDedupe == 0 && d.RawDuplicates == 0
                && d.OutOfOrder == 0 && d.SeqGaps == 0 && minwon!.Setup.Assigned == options.Conversations && lagMet != false);
            var result = new LoadResult(startedAt,
                new MachineFigures(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription),
                "dotnet run -c Release --project bench/Minwon.LoadGen -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                options.Conversations, (int)options.Duration.TotalSeconds, minwon, echo, echoServer, ratio, verdict);
            await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(result, JsonOptions), ct);
            PrintSummary(result);
            Console.WriteLine($"Results: {outPath}");
            return result;
        }
        finally
        {
            try
            {
                Directory.Delete(workDir, recursive: true);
            }
            catch (IOException)
            {
                // A SQLite file still closing; the temp directory is left for the system to clean.
            }
        }
    }

    private static async Task<(EchoFigures, ProcessFigures)> RunEchoAsync(LoadOptions options, string workDir, int connections, int rate,
        Action<string> say, CancellationToken ct)
    {
        var port = Loopback.FreePort();
        say($"Starting the WebSocket echo baseline on 127.0.0.1:{port}: {connections} connections, {rate} messages/s for {options.Duration.TotalSeconds:F0} s...");
        await using var echoServer = await ChildProcess.StartAsync("Echo server", [typeof(LoadRunner).Assembly.Location, EchoServer.Mode,
                port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            port, Path.Combine(workDir, "echo-server.log"), new Dictionary<string, string>(), "/ready", TimeSpan.FromSeconds(60), null, ct);
        await using var sampler = new ProcessSampler(echoServer.Pid);
        var echo = await EchoLoad.RunAsync(echoServer.BaseUri, connections, rate, options.Warmup, options.Duration, options.Grace, 250,
            sampler.Start, ct);
        return (echo, await sampler.StopAsync());
    }

    private static void PrintSummary(LoadResult r)
    {
        Console.WriteLine($"Machine: {r.Machine.Cores} cores, {r.Machine.Os}, {r.Machine.Runtime}");
        if (r.Minwon is { } m)
        {
            var d = m.Delivery;
            Console.WriteLine($"Minwon ({m.Database}, {m.Nodes.Count} node(s)): {m.Setup.Assigned}/{m.Setup.Conversations} conversations, {m.Setup.Counsellors} counsellors, {r.DurationSeconds} s");
            Console.WriteLine($"  sent {d.Sent}, acked {d.Acked}, send errors {d.SendErrors}, delivered {d.Delivered}, lost {d.Lost}");
            Console.WriteLine($"  duplicates: raw {d.RawDuplicates}, after seq de-dupe {d.DuplicatesAfterSeqDedupe}; out of order {d.OutOfOrder}; seq gaps {d.SeqGaps}");
            Console.WriteLine($"  delivery           {d.Delivery}");
            Console.WriteLine($"  citizen→counsellor {d.CitizenToCounsellor}");
            Console.WriteLine($"  counsellor→citizen {d.CounsellorToCitizen}");
            Console.WriteLine($"  sender ack         {d.SenderAck}");
            Console.WriteLine($"  server: RSS start {m.Server.RssStartMb} MB, peak {m.Server.RssPeakMb} MB, end {m.Server.RssEndMb} MB; CPU {m.Server.CpuSeconds} s ({m.Server.CpuCoresMean} cores), waiting for a core {m.Server.RunQueueWaitSeconds} s");
            if (m.Nodes.Count > 1)
            {
                Console.WriteLine($"  per node: CPU {string.Join(" / ", m.Nodes.Select(n => $"{n.CpuCoresMean} cores"))}; RSS peak {string.Join(" / ", m.Nodes.Select(n => $"{n.RssPeakMb} MB"))}");
            }

            if (m.ConsumerLag is { } lag)
            {
                Console.WriteLine($"  consumer lag (age of the oldest unread event, {lag.Samples} samples): p50 {lag.P50Seconds} s, p99 {lag.P99Seconds} s, max {lag.MaxSeconds} s; p99 by consumer: {string.Join(", ", lag.P99ByConsumer.Select(c => $"{c.Key} {c.Value} s"))}");
                if (lag.Processing is { } done)
                {
                    Console.WriteLine($"  processing lag (age of the oldest waking event after the lease holder's in-memory position, {done.Samples} samples): p50 {done.P50Seconds} s, p99 {done.P99Seconds} s, max {done.MaxSeconds} s; p99 by consumer: {string.Join(", ", done.P99ByConsumer.Select(c => $"{c.Key} {c.Value} s"))}");
                }
            }

            Console.WriteLine($"  machine while measuring: {m.Server.MachineBusyPercent}% busy (all processes), steal {m.Server.MachineStealPercent}%, load average {string.Join(' ', m.Server.LoadAverage)}");
            Console.WriteLine($"  load generator: CPU {m.LoadGenerator.CpuSeconds} s ({m.LoadGenerator.CpuCoresMean} cores), waiting for a core {m.LoadGenerator.RunQueueWaitSeconds} s, RSS peak {m.LoadGenerator.RssPeakMb} MB");
            if (m.CpuPerMessage is { } cpu)
            {
                Console.WriteLine($"  CPU per acknowledged message ({cpu.Messages}): {cpu.TotalMsPerMessage} ms in all; {string.Join(", ", cpu.MsPerMessage.Select(p => $"{p.Key} {p.Value} ms"))}");
            }

            foreach (var (phase, cpuSeconds) in m.SetupCpuSeconds ?? [])
            {
                Console.WriteLine($"  setup {phase}: CPU {string.Join(", ", cpuSeconds.Select(p => $"{p.Key} {p.Value} s"))}");
            }

            foreach (var (kind, count) in d.ErrorKinds)
            {
                Console.WriteLine($"  error x{count}: {kind}");
            }
        }

        if (r.Echo is { } e)
        {
            Console.WriteLine($"Echo: {e.Connections} connections, {e.MessagesPerSecond} msg/s: sent {e.Sent}, received {e.Received}, lost {e.Lost}, round trip {e.RoundTrip}");
            Console.WriteLine($"  echo server: RSS peak {r.EchoServer?.RssPeakMb} MB, CPU {r.EchoServer?.CpuSeconds} s ({r.EchoServer?.CpuCoresMean} cores)");
        }

        if (r.MinwonOverEcho is { } ratio)
        {
            Console.WriteLine($"Minwon/echo latency ratio: p50 {ratio.P50}x, p99 {ratio.P99}x");
        }

        if (r.Verdict is { } v)
        {
            Console.WriteLine($"Target (p99 < {v.TargetP99Ms} ms, 0 lost, 0 duplicated, in order{(v.ConsumerLagUnder1S is null ? "" : ", consumer lag p99 < 1 s")}): {(v.Pass ? "MET" : "MISSED")}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
