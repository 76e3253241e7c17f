using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minwon.LoadGen;

/// <summary>
/// The Minwon phase: a fresh server process and database, counsellors signed in and available, citizens queued and
/// accepted, then every conversation exchanges one message a second (alternating sides) for the set duration.
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
        var dataDir = Path.Combine(workDir, "minwon-data");
        // Every simulated citizen and counsellor comes from 127.0.0.1: the per-address limits (docs/security.md) would
        // treat them as one flooding client, so they are lifted here, on this loopback-only server and its throwaway
        // database, by settings on its command line; the product's defaults stay as they are, and so does the
        // per-conversation limit (docs/benchmarks/load.md).
        List<string> hostArgs =
        [
            $"--Minwon:DataDir={dataDir}", "--Minwon:SeedDemoData=false", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0",
            .. LoadGenerationSettings,
        ];
        hostArgs.AddRange(options.ServerSettings.Select(s => "--" + s));
        if (options.Postgres is { } pg)
        {
            hostArgs.Add($"--ConnectionStrings:Postgres={pg}");
        }

        var counsellorsCount = options.Counsellors;
        say($"Seeding {counsellorsCount} counsellors into a fresh {(options.Postgres is null ? "SQLite" : "PostgreSQL")} database...");
        var dll = ServerDll();
        var seed = await StaffSeeder.SeedAsync([.. hostArgs, $"--contentRoot={Path.GetDirectoryName(dll)}"], counsellorsCount,
            options.ChatsPerCounsellor, ct);

        var port = Loopback.FreePort();
        var started = Stopwatch.GetTimestamp();
        say($"Starting {dll} on 127.0.0.1:{port}...");
        var log = Path.Combine(workDir, "minwon-server.log");
        await using var server = await ChildProcess.StartAsync("Minwon server",
            [dll, "--urls", $"http://127.0.0.1:{port}", .. hostArgs], port, log,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "/health/ready", TimeSpan.FromSeconds(120), Path.GetDirectoryName(dll), ct);
        var serverStart = Stopwatch.GetElapsedTime(started);
        var baseUri = server.BaseUri;

        var conversations = Enumerable.Range(0, options.Conversations).Select(i => new SimConversation(i)).ToList();
        var counsellors = Enumerable.Range(0, counsellorsCount)
            .Select(i => new SimCounsellor(i, baseUri, id => byId.GetValueOrDefault(id))).ToList();
        using var citizenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            started = Stopwatch.GetTimestamp();
            await ForEachAsync(counsellors, 8, async (c, t) =>
            {
                await c.SignInAsync(t);
                await c.ConnectAsync(t);
                await c.SetAvailableAsync(t);
            }, ct);
            var signIn = Stopwatch.GetElapsedTime(started);
            say($"{counsellors.Count} counsellors signed in, connected and available in {signIn.TotalSeconds:F1} s.");

            started = Stopwatch.GetTimestamp();
            DeliveryLedger? ledger = null;
            await ForEachAsync(conversations, 16, async (c, t) =>
            {
                c.Citizen = new SimCitizen(c, baseUri, citizenHttp);
                // Registered before the hub join: an offer can be accepted while the citizen is still connecting.
                await c.Citizen.StartAsync(() => ledger, created => byId[created.Id] = created, t);
            }, ct);
            var citizens = Stopwatch.GetElapsedTime(started);
            say($"{conversations.Count} citizens queued and joined in {citizens.TotalSeconds:F1} s.");

            started = Stopwatch.GetTimestamp();
            while (conversations.Any(c => c.Counsellor is null) && Stopwatch.GetElapsedTime(started) < options.SetupTimeout)
            {
                counsellors.ForEach(c => c.SignalOffers());
                await Task.Delay(500, ct);
            }

            var assign = Stopwatch.GetElapsedTime(started);
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
            await using var serverSampler = new ProcessSampler(server.Pid);
            await using var selfSampler = new ProcessSampler(Environment.ProcessId);
            say($"Sending 1 message/s in each of {active.Count} conversations: {options.Warmup.TotalSeconds:F0} s warm-up, then {options.Duration.TotalSeconds:F0} s measured...");
            var driving = Task.WhenAll(active.Select(c => DriveAsync(c, active.Count, ledger, phaseStart, ct)));
            await Task.Delay(options.Warmup, ct);
            active.ForEach(c =>
            {
                c.CitizenView.ResetCounters();
                c.CounsellorView.ResetCounters();
            });
            ledger.MeasureFrom = Stopwatch.GetTimestamp();
            serverSampler.Start();
            selfSampler.Start();
            await driving;
            var graceStart = Stopwatch.GetTimestamp();
            while (ledger.Outstanding() > 0 && Stopwatch.GetElapsedTime(graceStart) < options.Grace)
            {
                await Task.Delay(100, ct);
            }

            var serverFigures = await serverSampler.StopAsync();
            var selfFigures = await selfSampler.StopAsync();
            return new MinwonFigures(setup, ledger.Summarize(), serverFigures, selfFigures,
                options.Postgres is null ? "sqlite" : "postgres", log);
        }
        finally
        {
            await ForEachAsync(conversations.Where(c => c.Citizen is not null).ToList(), 32, async (c, _) => await c.Citizen!.DisposeAsync(), CancellationToken.None);
            await ForEachAsync(counsellors, 32, async (c, _) => await c.DisposeAsync(), CancellationToken.None);
        }
    }

    private async Task DriveAsync(SimConversation c, int count, DeliveryLedger ledger, long phaseStart, CancellationToken ct)
    {
        var offset = TimeSpan.FromSeconds((double)c.Index / count);
        var pending = new List<Task>();
        for (var k = 0; ; k++)
        {
            var due = offset + TimeSpan.FromSeconds(k);
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
