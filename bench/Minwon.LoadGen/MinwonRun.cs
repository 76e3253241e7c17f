using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minwon.LoadGen;

/// <summary>
/// The Minwon phase: a fresh server process and database, counsellors signed in and available, citizens queued and
/// accepted, then every conversation exchanges one message every <c>--interval</c> seconds (alternating sides) for the set
/// duration. With <c>--nodes</c> 2 or 3 the servers share one PostgreSQL and one Redis, as in docs/deployment.md.
/// </summary>
public sealed class MinwonRun(LoadOptions options, string workDir, Action<string> say)
{
    private static readonly string[] Bodies =
    [
        "안녕하세요 주차위반 과태료 이의신청은 어디서 하나요",
        "네 확인해 드리겠습니다 잠시만 기다려 주세요",
        "어제 신청했는데 아직 처리가 안됐어요ㅠㅠ",
        "접수번호 알려주시면 바로 조회해 드릴게요",
        "집앞 가로등이 며칠째 꺼져있는데 언제 고쳐주나요",
        "해당 구청 도로과로 전달해 드렸습니다",
    ];

    private readonly ConcurrentDictionary<Guid, SimConversation> byId = new();

    /// <summary>The per-address limits lifted for one loopback address playing every citizen and counsellor.</summary>
    public static readonly string[] LoadGenerationSettings =
    [
        "--Minwon:Chat:CitizenAddressBurst=10000000", "--Minwon:Chat:CitizenAddressMessagesPerMinute=10000000",
        "--Minwon:Chat:CitizenAddressStartsPerMinute=1000000", "--Minwon:SignIn:AttemptsPerMinutePerAddress=1000000",
    ];

    public async Task<MinwonFigures> RunAsync(CancellationToken ct)
    {
        // Every simulated citizen and counsellor comes from 127.0.0.1: the per-address limits (docs/security.md) would
        // treat them as one flooding client, so they are lifted here, on this loopback-only server and its throwaway
        // database, by settings on its command line; the product's defaults stay as they are, and so does the
        // per-conversation limit (docs/benchmarks/load.md).
        List<string> hostArgs =
        [
            "--Minwon:SeedDemoData=false", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0",
            // The consumer-lag gauge is read from the database once a second instead of every 10 s.
            "--Minwon:Observability:SampleSeconds=1",
            .. LoadGenerationSettings,
        ];
        hostArgs.AddRange(options.ServerSettings.Select(s => "--" + s));
        if (options.Postgres is { } pg)
        {
            hostArgs.Add($"--ConnectionStrings:Postgres={pg}");
        }

        if (options.Redis is { } redis)
        {
            hostArgs.Add($"--ConnectionStrings:Redis={redis}");
        }

        string DataDir(int node) => Path.Combine(workDir, $"minwon-data-{node + 1}");
        var counsellorsCount = options.Counsellors;
        say($"Seeding {counsellorsCount} counsellors into a fresh {(options.Postgres is null ? "SQLite" : "PostgreSQL")} database...");
        var dll = ServerDll();
        var seed = await StaffSeeder.SeedAsync([.. hostArgs, $"--Minwon:DataDir={DataDir(0)}", $"--contentRoot={Path.GetDirectoryName(dll)}"],
            counsellorsCount, options.ChatsPerCounsellor, ct);

        // Several nodes share the database and Redis; each has its own data directory (keys live in the database).
        var started = Stopwatch.GetTimestamp();
        var servers = new List<ChildProcess>();
        var log = Path.Combine(workDir, "minwon-server.log");
        await using var stopServers = new AsyncDisposables(servers);
        for (var node = 0; node < options.Nodes; node++)
        {
            var port = Loopback.FreePort();
            say($"Starting node {node + 1} of {options.Nodes} ({dll}) on 127.0.0.1:{port}...");
            servers.Add(await ChildProcess.StartAsync($"Minwon server {node + 1}",
                [dll, "--urls", $"http://127.0.0.1:{port}", $"--Minwon:DataDir={DataDir(node)}", .. hostArgs], port,
                node == 0 ? log : Path.Combine(workDir, $"minwon-server-{node + 1}.log"),
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
                "/health/ready", TimeSpan.FromSeconds(120), Path.GetDirectoryName(dll), ct));
        }

        var serverStart = Stopwatch.GetElapsedTime(started);
        // Counsellor i on node i mod N, citizen j on node (j + 1) mod N: with routing free to pair anyone, most
        // conversations cross nodes when there are several, so a message goes through Redis to reach the other side.
        Uri NodeUri(int i) => servers[i % servers.Count].BaseUri;

        var conversations = Enumerable.Range(0, options.Conversations).Select(i => new SimConversation(i)).ToList();
        var counsellors = Enumerable.Range(0, counsellorsCount)
            .Select(i => new SimCounsellor(i, NodeUri(i), id => byId.GetValueOrDefault(id)) { Capacity = options.ChatsPerCounsellor }).ToList();
        using var citizenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        // CPU seconds by process over each setup phase (node1..N, generator, watched processes).
        var setupCpu = new Dictionary<string, Dictionary<string, double>>();
        Dictionary<string, double> CpuNow()
        {
            var now = servers.Select((s, i) => ($"node{i + 1}", ProcessSampler.CpuSeconds(s.Pid)))
                .Append(("generator", ProcessSampler.CpuSeconds(Environment.ProcessId)))
                .Concat((options.Watch ?? new Dictionary<string, int>()).Select(w => (w.Key, ProcessSampler.TreeCpuSeconds(w.Value))));
            return now.ToDictionary(p => p.Item1, p => p.Item2);
        }

        void Phase(string name, Dictionary<string, double> from) =>
            setupCpu[name] = CpuNow().ToDictionary(p => p.Key, p => Math.Round(p.Value - from.GetValueOrDefault(p.Key), 2));
        try
        {
            var cpuAt = CpuNow();
            started = Stopwatch.GetTimestamp();
            await ForEachAsync(counsellors, 8, async (c, t) =>
            {
                await c.SignInAsync(t);
                await c.ConnectAsync(t);
                await c.SetAvailableAsync(t);
            }, ct);
            var signIn = Stopwatch.GetElapsedTime(started);
            Phase("signIn", cpuAt);
            cpuAt = CpuNow();
            say($"{counsellors.Count} counsellors signed in, connected and available in {signIn.TotalSeconds:F1} s.");

            started = Stopwatch.GetTimestamp();
            DeliveryLedger? ledger = null;
            await ForEachAsync(conversations, 16, async (c, t) =>
            {
                c.Citizen = new SimCitizen(c, NodeUri(c.Index + 1), citizenHttp);
                // Registered before the hub join: an offer can be accepted while the citizen is still connecting.
                await c.Citizen.StartAsync(() => ledger, created => byId[created.Id] = created, t);
            }, ct);
            var citizens = Stopwatch.GetElapsedTime(started);
            Phase("citizens", cpuAt);
            cpuAt = CpuNow();
            say($"{conversations.Count} citizens queued and joined in {citizens.TotalSeconds:F1} s.");

            started = Stopwatch.GetTimestamp();
            // Offers reach counsellors by the staff hub's push; a nudge every 5 s to those with room covers a missed one.
            var nudged = Stopwatch.GetTimestamp();
            while (conversations.Any(c => c.Counsellor is null) && Stopwatch.GetElapsedTime(started) < options.SetupTimeout)
            {
                if (Stopwatch.GetElapsedTime(nudged) >= TimeSpan.FromSeconds(5))
                {
                    counsellors.Where(c => c.Assigned < options.ChatsPerCounsellor).ToList().ForEach(c => c.SignalOffers());
                    nudged = Stopwatch.GetTimestamp();
                }

                await Task.Delay(250, ct);
            }

            var assign = Stopwatch.GetElapsedTime(started);
            Phase("assign", cpuAt);
            var active = conversations.Where(c => c.Counsellor is not null).ToList();
            say($"{active.Count}/{conversations.Count} conversations accepted in {assign.TotalSeconds:F1} s.");
            var setup = new SetupFigures(counsellors.Count, conversations.Count, active.Count, Math.Round(seed.TotalSeconds, 1),
                Math.Round(serverStart.TotalSeconds, 1), Math.Round(signIn.TotalSeconds, 1), Math.Round(citizens.TotalSeconds, 1),
                Math.Round(assign.TotalSeconds, 1));

            // Let the accept pushes settle so they do not count against the first second.
            await Task.Delay(1000, ct);
            var phaseStart = Stopwatch.GetTimestamp();
            ledger = new DeliveryLedger(phaseStart);
            counsellors.ForEach(c => c.Ledger = ledger);
            var serverSamplers = servers.Select(s => new ProcessSampler(s.Pid)).ToList();
            await using var stopSamplers = new AsyncDisposables(serverSamplers);
            await using var selfSampler = new ProcessSampler(Environment.ProcessId);
            var watchedSamplers = (options.Watch ?? new Dictionary<string, int>()).ToDictionary(w => w.Key, w => new ProcessSampler(w.Value, withChildren: true));
            await using var stopWatched = new AsyncDisposables(watchedSamplers.Values.ToList());
            await using var lagSampler = new ConsumerLagSampler([.. servers.Select(s => s.BaseUri)]);
            say($"Sending 1 message every {options.IntervalSeconds:0.##} s in each of {active.Count} conversations over {servers.Count} node(s): {options.Warmup.TotalSeconds:F0} s warm-up, then {options.Duration.TotalSeconds:F0} s measured...");
            var driving = Task.WhenAll(active.Select(c => DriveAsync(c, active.Count, ledger, phaseStart, ct)));
            await Task.Delay(options.Warmup, ct);
            active.ForEach(c =>
            {
                c.CitizenView.ResetCounters();
                c.CounsellorView.ResetCounters();
            });
            ledger.MeasureFrom = Stopwatch.GetTimestamp();
            serverSamplers.ForEach(s => s.Start());
            selfSampler.Start();
            foreach (var w in watchedSamplers.Values)
            {
                w.Start();
            }

            lagSampler.Start();
            await driving;
            var graceStart = Stopwatch.GetTimestamp();
            while (ledger.Outstanding() > 0 && Stopwatch.GetElapsedTime(graceStart) < options.Grace)
            {
                await Task.Delay(100, ct);
            }

            var lag = await lagSampler.StopAsync();
            var nodeFigures = new List<ProcessFigures>();
            foreach (var sampler in serverSamplers)
            {
                nodeFigures.Add(await sampler.StopAsync());
            }

            var selfFigures = await selfSampler.StopAsync();
            var watched = new Dictionary<string, ProcessFigures>();
            foreach (var (name, sampler) in watchedSamplers)
            {
                watched[name] = await sampler.StopAsync();
            }

            var delivery = ledger.Summarize();
            var cpu = CpuBreakdown.Of(delivery.Acked, [
                .. nodeFigures.Select((n, i) => ($"node{i + 1}", n.CpuSeconds)), ("generator", selfFigures.CpuSeconds),
                .. watched.Select(w => (w.Key, w.Value.CpuSeconds))]);
            return new MinwonFigures(setup, delivery, ProcessFigures.Sum(nodeFigures), selfFigures,
                options.Postgres is null ? "sqlite" : "postgres", log, nodeFigures, lag, watched, cpu, setupCpu);
        }
        finally
        {
            await ForEachAsync(conversations.Where(c => c.Citizen is not null).ToList(), 32, async (c, _) => await c.Citizen!.DisposeAsync(), CancellationToken.None);
            await ForEachAsync(counsellors, 32, async (c, _) => await c.DisposeAsync(), CancellationToken.None);
        }
    }

    private async Task DriveAsync(SimConversation c, int count, DeliveryLedger ledger, long phaseStart, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var offset = interval * c.Index / count;
        var pending = new List<Task>();
        for (var k = 0; ; k++)
        {
            var due = offset + interval * k;
            if (due >= options.Warmup + options.Duration)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(phaseStart);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var id = $"lg{c.Index:D4}-{k:D5}";
            var body = $"{Bodies[(c.Index + k) % Bodies.Length]} [{id}]";
            pending.Add((c.Index + k) % 2 == 0
                ? c.Citizen!.SendAsync(ledger, id, body, ct)
                : c.Counsellor!.SendAsync(ledger, c, id, body, ct));
        }

        await Task.WhenAll(pending);
    }

    private string ServerDll()
    {
        if (options.ServerDll is { } given)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException("Server not found.", given);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Minwon.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Minwon.Server", "bin", "Release", "net10.0", "Minwon.Server.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server in Release first (dotnet run -c Release builds it).", dll);
            }
        }

        throw new FileNotFoundException("Could not find the repository root (Minwon.slnx); pass --server-dll.");
    }

    private static async Task ForEachAsync<T>(IReadOnlyList<T> items, int parallelism, Func<T, CancellationToken, Task> action, CancellationToken ct) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (item, t) => await action(item, t));
}
