using System.CommandLine;
using Minwon.LoadGen;

// `dotnet run -c Release --project bench/Minwon.LoadGen -- --conversations 300 --duration 60`; see docs/benchmarks/load.md.
// `-- --smoke` (eng/test.sh): 20 conversations for 10 s unless given; passes when every conversation reached a counsellor,
// nothing was lost, duplicated or out of order, the echo baseline ran and the results file was written. Never speed.
if (args is [EchoServer.Mode, var port])
{
    return await EchoServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
}

var conversations = new Option<int>("--conversations") { Description = $"concurrent conversations (1-{LoadOptions.MaxConversations})", DefaultValueFactory = _ => 300 };
var duration = new Option<int>("--duration") { Description = "seconds of steady load per phase (1-600)", DefaultValueFactory = _ => 60 };
var warmup = new Option<int>("--warmup") { Description = "seconds of the same load before measuring (JIT tiering, pools), not counted (0-120)", DefaultValueFactory = _ => 15 };
var perCounsellor = new Option<int>("--chats-per-counsellor") { Description = "concurrent chats per counsellor (MaxConcurrent)", DefaultValueFactory = _ => 3 };
var grace = new Option<int>("--grace") { Description = "seconds to wait for late deliveries before counting a message lost", DefaultValueFactory = _ => 10 };
var setup = new Option<int>("--setup-timeout") { Description = "seconds allowed for all conversations to be accepted", DefaultValueFactory = _ => 120 };
var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (loopback host only) instead of a fresh SQLite file" };
var serverDll = new Option<string?>("--server-dll") { Description = "Minwon.Server.dll to start (default: the Release build in src/Minwon.Server/bin)" };
var output = new Option<string?>("--out") { Description = "JSON results file (default artifacts/loadgen/load-<conversations>-<time>.json)" };
var noEcho = new Option<bool>("--no-echo") { Description = "skip the WebSocket echo baseline" };
var echoOnly = new Option<bool>("--echo-only") { Description = "run only the echo baseline" };
var workRoot = new Option<string?>("--work-root") { Description = "where the temporary data directory is made (default: the system temp dir); /dev/shm takes fsync out of the picture" };
var smoke = new Option<bool>("--smoke") { Description = "a short check that the benchmark works (20 conversations, 10 s, 2 s warm-up, 5 s grace unless given); exits 1 when it does not" };
var settings = new Option<string[]>("--server-setting") { Description = "extra server configuration KEY=VALUE (repeatable), e.g. Minwon:Sqlite:Synchronous=FULL", DefaultValueFactory = _ => [] };
var nodes = new Option<int>("--nodes") { Description = $"server processes (1-{LoadOptions.MaxNodes}); more than one needs --postgres and --redis", DefaultValueFactory = _ => 1 };
var redis = new Option<string?>("--redis") { Description = "Redis connection string (loopback host only, e.g. 127.0.0.1:6379) for the SignalR backplane of several nodes" };
var interval = new Option<double>("--interval") { Description = "seconds between two messages of one conversation (0.2-10; issue 10 uses 2)", DefaultValueFactory = _ => 1 };
var watch = new Option<string[]>("--watch") { Description = "another process to measure while measuring, NAME=PID (repeatable; its children count too), e.g. postgres=1234", DefaultValueFactory = _ => [] };
var target = new Option<double>("--target-p99-ms") { Description = "delivery p99 target for the verdict (issue 2: 200; issue 10: 300)", DefaultValueFactory = _ => 200 };
var root = new RootCommand("Minwon load generator: simulated citizens and counsellors over the real protocols, loopback only.")
{
    conversations, duration, warmup, perCounsellor, grace, setup, postgres, serverDll, output, noEcho, echoOnly, workRoot, settings, smoke,
    nodes, redis, interval, target, watch,
};
root.SetAction(async (parse, ct) =>
{
    var isSmoke = parse.GetValue(smoke);
    int Value(Option<int> option, int smokeValue) => isSmoke && parse.GetResult(option) is null or { Implicit: true } ? smokeValue : parse.GetValue(option);
    var n = Value(conversations, 20);
    var seconds = Value(duration, 10);
    if (n is < 1 or > LoadOptions.MaxConversations || seconds < 1 || seconds > LoadOptions.MaxDuration.TotalSeconds)
    {
        await Console.Error.WriteLineAsync($"loadgen: --conversations must be 1-{LoadOptions.MaxConversations} and --duration 1-{LoadOptions.MaxDuration.TotalSeconds:F0}.");
        return 2;
    }

    var pg = parse.GetValue(postgres);
    if (pg is not null)
    {
        Loopback.RequirePostgres(pg);
    }

    var nodeCount = parse.GetValue(nodes);
    var redisAt = parse.GetValue(redis);
    var every = parse.GetValue(interval);
    if (nodeCount is < 1 or > LoadOptions.MaxNodes || every is < 0.2 or > 10)
    {
        await Console.Error.WriteLineAsync($"loadgen: --nodes must be 1-{LoadOptions.MaxNodes} and --interval 0.2-10 seconds.");
        return 2;
    }

    if (nodeCount > 1 && (pg is null || redisAt is null))
    {
        await Console.Error.WriteLineAsync("loadgen: several --nodes share one database and one backplane: give --postgres and --redis.");
        return 2;
    }

    if (redisAt is not null)
    {
        Loopback.RequireRedis(redisAt);
    }

    var watched = new Dictionary<string, int>();
    foreach (var w in parse.GetValue(watch) ?? [])
    {
        if (w.Split('=', 2) is not [{ Length: > 0 } name, var pidText] || !int.TryParse(pidText, out var pid) || pid <= 0)
        {
            await Console.Error.WriteLineAsync($"loadgen: --watch takes NAME=PID, not '{w}'.");
            return 2;
        }

        if (name == "generator" || (name.StartsWith("node", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), out _)) || watched.ContainsKey(name))
        {
            // The CPU figures are keyed by process name: 'generator' or 'nodeN' ended the run unhandled after setup, a repeated name dropped the first.
            await Console.Error.WriteLineAsync($"loadgen: --watch {name}: the name is taken (generator, nodeN and each --watch name are used once).");
            return 2;
        }

        if (!ProcessSampler.Exists(pid))
        {
            // A wrong PID would be measured as 0 ms per message, not refused.
            await Console.Error.WriteLineAsync($"loadgen: --watch {name}={pid}: no such process.");
            return 2;
        }

        watched[name] = pid;
    }

    var stamp = TimeProvider.System.GetUtcNow();
    var options = new LoadOptions(n, Math.Clamp(parse.GetValue(perCounsellor), 1, 20), TimeSpan.FromSeconds(seconds),
        TimeSpan.FromSeconds(Math.Clamp(Value(warmup, 2), 0, 120)),
        TimeSpan.FromSeconds(Math.Clamp(Value(grace, 5), 1, 60)), TimeSpan.FromSeconds(Math.Clamp(Value(setup, 60), 10, 600)),
        pg, parse.GetValue(serverDll),
        parse.GetValue(output) ?? (isSmoke
            ? Path.Combine("artifacts", "bench-smoke", "loadgen-smoke.json")
            : Path.Combine("artifacts", "loadgen", $"load-{n}-{stamp:yyyyMMdd-HHmmss}.json")),
        parse.GetValue(noEcho), parse.GetValue(echoOnly), parse.GetValue(workRoot),
        parse.GetValue(settings) ?? [], nodeCount, redisAt, every, parse.GetValue(target), watched);
    using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
    hardStop.CancelAfter(options.HardStop);
    try
    {
        // A results file left from an earlier run must not pass for this one's (LoadRunner makes the folder).
        var outPath = Path.GetFullPath(options.OutputPath);
        if (File.Exists(outPath))
        {
            File.Delete(outPath);
        }

        var result = await LoadRunner.RunAsync(options, stamp, hardStop.Token);
        return SmokeCheck.Verdict(isSmoke, options, result, outPath);
    }
    catch (OperationCanceledException) when (hardStop.IsCancellationRequested && !ct.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync($"loadgen: hard stop after {options.HardStop.TotalSeconds:F0} s.");
        return 3;
    }
});
return await root.Parse(args).InvokeAsync();
