using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Server.Data;
using Minwon.Server.Features.ChannelAdapters;
using Minwon.Server.Platform;

namespace Minwon.Bench.Channels;

/// <summary>
/// `dotnet run -c Release --project bench/Minwon.Bench -- channels [--rate 1000] [--seconds 30] [--outage 60] [--replies 3000] [--smoke]`
/// (issue 15, docs/benchmarks/channels.md). Two runs of the real server, hosted as `./minwon serve` runs it, on a fresh
/// SQLite database each, listening on a free loopback port:
/// 1. inbound: SMS webhooks POSTed at a fixed rate (open loop, every message from a new number, one in 20 sent twice)
///    with the bot off; every answer must be 202, every message id stored once, every repeat answered "duplicate";
/// 2. outbound: the bot on and the gateway (a fake of the outside provider, here in the bench, rate limited with 429 above
///    Sms:MaxPerSecond) down with 503 for the outage; the bot's answers queue up; after the outage the queue must drain,
///    every reply reaching the gateway, at about the provider's rate.
/// `--smoke` (eng/test.sh): 100 messages/s for 2 s, a 3 s outage, 60 replies; checks counts, never speed.
/// </summary>
public static class ChannelsBenchRunner
{
    private const string InboundKey = "bench-inbound-key";
    private const string OutboundKey = "bench-outbound-key";

    private static string? postgres;

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains(Smoke.Flag);
        var rate = Option(args, "--rate", smoke ? 100 : 1000);
        var seconds = Option(args, "--seconds", smoke ? 2 : 30);
        var outage = Option(args, "--outage", smoke ? 3 : 60);
        var replies = Option(args, "--replies", smoke ? 60 : 3000);
        var providerRate = Option(args, "--provider-rate", smoke ? 50 : 100);
        // --postgres "Host=127.0.0.1;Port=…;Username=…": each run on a fresh database of that server instead of SQLite.
        var i = Array.IndexOf(args, "--postgres");
        postgres = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

        var inbound = await InboundAsync(rate, seconds);
        Console.WriteLine($"load average after inbound run {LoadAverage()}");
        var outbound = await OutboundAsync(replies, outage, providerRate);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return Smoke.Verdict(smoke, "channels",
            (inbound.Accepted == inbound.Sent, $"{inbound.Sent - inbound.Accepted} of {inbound.Sent} inbound posts were not 202"),
            (inbound.Stored == inbound.Unique, $"{inbound.Stored} stored for {inbound.Unique} distinct message ids"),
            (inbound.Duplicates == inbound.Sent - inbound.Unique, $"{inbound.Duplicates} repeats answered duplicate of {inbound.Sent - inbound.Unique}"),
            (outbound.Queued > 0, "no reply was queued"),
            (outbound.Lost == 0, $"{outbound.Lost} of {outbound.Queued} replies never reached the gateway"));
    }

    private sealed record InboundFigures(int Sent, int Unique, int Accepted, int Duplicates, int Stored);

    private sealed record OutboundFigures(int Queued, int Lost);

    private static async Task<InboundFigures> InboundAsync(int rate, int seconds)
    {
        await using var server = await ServerAsync(["--Minwon:Chatbot:Enabled=false"], outboundUrl: "");
        var total = rate * seconds;
        var posts = new List<(string Id, string From)>(total + total / 20);
        for (var i = 0; i < total; i++)
        {
            var id = $"bench-{i}";
            var from = $"010-{1000 + i / 10000:D4}-{i % 10000:D4}";
            posts.Add((id, from));
            if (i % 20 == 19)
            {
                posts.Add((id, from)); // the gateway delivering a webhook again
            }
        }

        // The client shares the process and the two cores with the server, so it is kept lean (it must not flatter the
        // server either: every post is a full HTTP request with the contract's body and key): bodies serialised before
        // the clock starts, one pooled handler with enough connections, the answer read as bytes and searched, not parsed.
        var bodies = posts.ConvertAll(p => JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = p.Id, from = p.From, to = "1588-0120", text = "불법주차 신고합니다. 차량이 인도를 막고 있어요.",
            receivedAt = "2026-12-06T09:00:00+09:00",
        }));
        var json = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var duplicateMark = "\"duplicate\""u8.ToArray();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseProxy = false, UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = server.BaseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", InboundKey);
        var inboundUri = new Uri(server.BaseUri, "/api/channels/sms/inbound");
        // Warm-up before the clock starts, as a server that has been up a while is: the first request builds every
        // endpoint's delegate and JITs the pipeline (seconds of CPU on two cores). Refused posts (a wrong key, a body
        // without messageId) so nothing is stored and the counts below stay exact.
        for (var w = 0; w < 200; w++)
        {
            using var warm = new HttpRequestMessage(HttpMethod.Post, inboundUri) { Content = new ByteArrayContent("{\"text\":\"\"}"u8.ToArray()) };
            warm.Content.Headers.ContentType = json;
            if (w % 2 == 0)
            {
                warm.Headers.Add("X-Api-Key", "warm-up-wrong-key");
            }

            using var answer = await http.SendAsync(warm);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var latencies = new double[posts.Count];
        int accepted = 0, duplicates = 0, other = 0;
        var interval = 1.0 / rate * posts.Count / total; // repeats ride inside the same seconds
        var started = Stopwatch.GetTimestamp();
        var tasks = new Task[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            var due = i * interval / (posts.Count / (double)total);
            var wait = due - Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (wait > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            tasks[i] = PostAsync(i);
        }

        async Task PostAsync(int i)
        {
            await Task.Yield();
            var t0 = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = json;
                using var response = await http.PostAsync(inboundUri, content);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                    if (body.AsSpan().IndexOf(duplicateMark) >= 0)
                    {
                        Interlocked.Increment(ref duplicates);
                    }
                }
                else
                {
                    Interlocked.Increment(ref other);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                latencies[i] = double.NaN;
                Interlocked.Increment(ref other);
            }
        }

        var offered = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        // The 202 means "in the durable inbox"; the inbound consumer makes each a conversation message after it.
        var inboxed = await server.DbAsync(db => db.Set<ChannelInboxItem>().CountAsync(m => m.Channel == "sms"));
        Console.WriteLine($"inbound: {posts.Count:N0} posts ({total:N0} distinct, {posts.Count - total:N0} repeats) offered at {posts.Count / offered.TotalSeconds:F0}/s over {offered.TotalSeconds:F1} s; " +
            $"all answered after {elapsed.TotalSeconds:F1} s: {accepted / elapsed.TotalSeconds:F0} accepted/s; inbox rows {inboxed:N0}");
        var stored = 0;
        var drainLimit = TimeSpan.FromSeconds(Math.Max(120, total / 20.0));
        while (Stopwatch.GetElapsedTime(started) - elapsed < drainLimit)
        {
            stored = await server.DbAsync(db => db.Set<ChannelMessage>().CountAsync(m => m.Channel == "sms" && m.Inbound));
            if (stored >= inboxed)
            {
                break;
            }

            await Task.Delay(500);
        }

        var processed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"inbound: consumer stored {stored:N0} conversation messages {processed.TotalSeconds:F1} s after the first post " +
            $"({stored / processed.TotalSeconds:F0}/s end to end; {(stored >= inboxed ? "all" : "NOT all")} of the inbox)");
        Console.WriteLine($"inbound: 202 {accepted:N0}, duplicate {duplicates:N0}, other/failed {other:N0}; stored once per id: {stored:N0} rows for {total:N0} ids");
        Print("inbound latency", [.. latencies.Where(l => !double.IsNaN(l))]);
        return new InboundFigures(posts.Count, total, accepted, duplicates, stored);
    }

    private static async Task<OutboundFigures> OutboundAsync(int replies, int outageSeconds, int providerRate)
    {
        await using var gateway = await FakeProviderAsync(providerRate);
        gateway.Down = true;
        await using var server = await ServerAsync(
            ["--Minwon:Chatbot:Enabled=true", $"--Minwon:Channels:Sms:MaxPerSecond={providerRate}", "--Minwon:Channels:MaxBackoffSeconds=5",
             "--Minwon:Channels:PollMilliseconds=200"],
            outboundUrl: gateway.Url);
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", InboundKey);
        var outageStarted = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, replies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/channels/sms/inbound", new
            {
                messageId = $"out-{i}", from = $"010-5{i / 10000:D3}-{i % 10000:D4}", to = "1588-0120", text = "주차 과태료 어디서 내요",
                receivedAt = "2026-12-06T09:00:00+09:00",
            }, ct);
            response.EnsureSuccessStatusCode();
        });

        // Every inbound message gets one bot answer; wait until they are all in the outbox (the gateway is still down).
        var queued = 0;
        for (var i = 0; i < 600 && queued < replies; i++)
        {
            queued = await server.DbAsync(db => db.Set<ChannelOutboxItem>().CountAsync());
            await Task.Delay(500);
        }

        var left = outageSeconds - Stopwatch.GetElapsedTime(outageStarted).TotalSeconds;
        if (left > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(left));
        }

        queued = await server.DbAsync(db => db.Set<ChannelOutboxItem>().CountAsync());
        Console.WriteLine($"outbound: {queued:N0} replies queued for {replies:N0} messages; provider down {Stopwatch.GetElapsedTime(outageStarted).TotalSeconds:F0} s " +
            $"(503 to {gateway.Refused:N0} tries)");
        gateway.Down = false;
        var recovered = Stopwatch.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(queued / (double)providerRate * 3 + 60);
        while (gateway.Distinct < queued && Stopwatch.GetElapsedTime(recovered) < timeout)
        {
            await Task.Delay(100);
        }

        var drain = Stopwatch.GetElapsedTime(recovered);
        var firstToLast = gateway.LastAccepted - gateway.FirstAccepted;
        var sent = await server.DbAsync(db => db.Set<ChannelOutboxItem>().CountAsync(o => o.Status == DeliveryStatus.Sent));
        Console.WriteLine($"outbound: drained {gateway.Distinct:N0} of {queued:N0} distinct replies {drain.TotalSeconds:F1} s after the provider came back; " +
            $"first to last accepted {firstToLast.TotalSeconds:F1} s = {(gateway.Distinct - 1) / Math.Max(0.001, firstToLast.TotalSeconds):F1}/s (provider limit {providerRate}/s); " +
            $"429 {gateway.Throttled:N0}, repeats of an accepted id {gateway.Repeats:N0}; outbox rows Sent {sent:N0}");
        return new OutboundFigures(queued, queued - gateway.Distinct);
    }

    private static async Task<Host> ServerAsync(string[] settings, string outboundUrl)
    {
        var dataDir = Directory.CreateTempSubdirectory("minwon-channels-bench-").FullName;
        string? database = null;
        if (postgres is not null)
        {
            database = "minwon_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
            settings = [.. settings, $"--ConnectionStrings:Postgres={postgres};Database={database}"];
        }

        var app = Hosting.ProductHost.Build([
            $"--{MinwonOptions.Section}:DataDir={dataDir}", "--Minwon:SeedDemoData=false", "--Minwon:Voice:AudioSocket:Listen=127.0.0.1:0",
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Minwon.Server.Features.ChannelAdapters=Error", // a retry per reply during the outage is expected
            $"--Minwon:Channels:Sms:ApiKey={InboundKey}",
            $"--Minwon:Channels:Sms:OutboundUrl={outboundUrl}", $"--Minwon:Channels:Sms:OutboundApiKey={OutboundKey}", .. settings]);
        await MinwonCli.PrepareDatabaseAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Host(app, new Uri(address), dataDir, database);
    }

    private sealed class Host(WebApplication app, Uri baseUri, string dataDir, string? database) : IAsyncDisposable
    {
        public Uri BaseUri => baseUri;

        public async Task<T> DbAsync<T>(Func<MinwonDbContext, Task<T>> query)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<MinwonDbContext>());
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (database is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var admin = new Npgsql.NpgsqlConnection(postgres);
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the temp directory is the OS's to clean.
            }
        }
    }

    /// <summary>A fake of the outside SMS provider: 503 while down, 429 above its rate, else 200 and the id recorded.</summary>
    private sealed class FakeProvider(WebApplication app, string url, int perSecond) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> accepted = new();
        private readonly Lock gate = new();
        private long windowStart = Stopwatch.GetTimestamp();
        private int inWindow;
        private int refused, throttled, repeats;

        public string Url => url;

        public volatile bool Down;

        public int Refused => refused;
        public int Throttled => throttled;
        public int Repeats => repeats;
        public int Distinct => accepted.Count;
        public TimeSpan FirstAccepted { get; private set; } = TimeSpan.MaxValue;
        public TimeSpan LastAccepted { get; private set; }

        private readonly long origin = Stopwatch.GetTimestamp();

        public async Task<IResult> HandleAsync(HttpRequest request)
        {
            if (Down)
            {
                Interlocked.Increment(ref refused);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            lock (gate)
            {
                if (Stopwatch.GetElapsedTime(windowStart) >= TimeSpan.FromSeconds(1))
                {
                    windowStart = Stopwatch.GetTimestamp();
                    inWindow = 0;
                }

                if (++inWindow > perSecond)
                {
                    throttled++;
                    return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                }
            }

            var body = await request.ReadFromJsonAsync<JsonElement>();
            var id = body.GetProperty("messageId").GetString() ?? "";
            if (!accepted.TryAdd(id, 1))
            {
                Interlocked.Increment(ref repeats);
            }

            lock (gate)
            {
                var now = Stopwatch.GetElapsedTime(origin);
                FirstAccepted = now < FirstAccepted ? now : FirstAccepted;
                LastAccepted = now > LastAccepted ? now : LastAccepted;
            }

            return Results.Ok();
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<FakeProvider> FakeProviderAsync(int perSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeProvider? provider = null;
        app.MapPost("/send", (HttpRequest request) => provider!.HandleAsync(request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        provider = new FakeProvider(app, address + "/send", perSecond);
        return provider;
    }

    private static void Print(string label, double[] values)
    {
        if (values.Length == 0)
        {
            Console.WriteLine($"{label}: no answers");
            return;
        }

        Array.Sort(values);
        double P(double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
        Console.WriteLine($"{label}: n={values.Length:N0} p50={P(0.50):F1} ms p95={P(0.95):F1} ms p99={P(0.99):F1} ms max={values[^1]:F1} ms");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
