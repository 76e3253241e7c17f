using System.Net;
using System.Text.RegularExpressions;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// GET /metrics: Prometheus text with our own meters after a chat, no personal data, and its access rule. The test apps
/// share one process, and OpenTelemetry listens to every meter named "Minwon" in it (a MeterListener is process-wide),
/// so a scrape here may include other tests' counts: the test asserts that each meter moved, not exact totals. For
/// the same reason Minwon's meter is one per process (MinwonMetrics).
/// </summary>
public sealed partial class MetricsTests
{
    private const string Key = "scrape-key-for-tests-7f3a";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task After_a_chat_the_metrics_show_queue_offers_waiting_messages_and_consumer_lag_without_personal_data(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, Settings(), fakeClock: false);
        var counsellor = await app.CounsellorAsync();
        await counsellor.GoAvailableAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen, name: "김민원");

        // The gauges are read from the database every second: the waiting citizen shows in its queue.
        var text = await UntilAsync(app, t => QueueLength().Matches(t).Any(m => m.Groups[1].Value != "0"), "a waiting contact in a queue");

        Assert.Equal(1, (await app.RouteAsync()).Offered);
        await counsellor.AcceptAsync(chat.ConversationId);
        await citizen.SayAsync(chat.Token, "우리 집 전화번호는 010-2468-1357 입니다");
        await counsellor.ReplyAsync(chat.ConversationId, "확인했습니다");

        text = await UntilAsync(app, t => t.Contains("minwon_routing_offers_total", StringComparison.Ordinal)
            && t.Contains("sender=\"citizen\"", StringComparison.Ordinal), "the offer and the citizen's message");
        Assert.Matches(@"minwon_routing_offers_total\{[^}]*queue_id=""\d+""[^}]*\} [1-9]", text);
        Assert.Matches(@"minwon_routing_waiting_time_seconds_count\{[^}]*channel=""chat""[^}]*\} [1-9]", text);
        Assert.Matches(@"minwon_messages_stored_total\{[^}]*sender=""citizen""[^}]*\} [1-9]", text);
        Assert.Matches(@"minwon_live_deliveries_total\{[^}]*kind=""MessageAdded""[^}]*\} \d+", text);
        Assert.Matches(@"minwon_consumer_lag\{[^}]*consumer=""[a-z-]+""[^}]*\} \d+", text);
        Assert.Matches(@"minwon_consumer_lag_time_seconds\{[^}]*consumer=""chatbot""", text);
        // The warehouse keeps its cursor in DuckDB: a lag read from the event-log cursors would only ever grow.
        Assert.DoesNotContain("consumer=\"warehouse\"", text, StringComparison.Ordinal);
        // ASP.NET Core's own meters come from each host's IMeterFactory; with several test hosts in one process
        // OpenTelemetry binds the first host's, so they are not asserted here (one host per process in production).
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);

        // Labels are queues, consumers, channels, senders and kinds: no name, number, text or account.
        foreach (var secret in new[] { "김민원", "010-2468-1357", "확인했습니다", counsellor.Id, counsellor.UserName, chat.Token })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_node_running_a_consumer_reports_its_processing_lag_beside_the_saved_cursors()
    {
        // Session 11: the saved cursor's lag counts its save cadence (the issue detector saves every 30 s); the node
        // running a consumer also reports the age of the oldest waking event after the position its batches reached.
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, Settings(), fakeClock: false);
        using var citizen = app.CitizenClient();
        var chat = await app.StartChatAsync(http: citizen, name: "시민");
        await citizen.SayAsync(chat.Token, "주차 과태료 어디서 내요");

        var text = await UntilAsync(app, t => ProcessingLag().Matches(t).Any(m => m.Groups[1].Value == "issues"), "the issue detector's processing lag");
        var lags = ProcessingLag().Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("chatbot", lags.Keys);
        // Caught up within seconds, whatever its cursor's save cadence (other tests' hosts in this process may add theirs).
        Assert.InRange(lags["issues"], 0, 60);
        // The warehouse keeps no cursor in the event log: no gauge for it.
        Assert.DoesNotContain("warehouse", lags.Keys);
    }

    [Fact]
    public async Task Metrics_are_open_to_this_machine_and_to_the_scrape_key_only()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, Settings());
        using var http = app.CreateDefaultClient();

        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(http, "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(http, "::1"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(http, "203.0.113.7", bearer: Key));

        // A reverse proxy on the same machine connects from loopback: what it forwards is not this machine.
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "127.0.0.1", forwardedFor: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "203.0.113.7", bearer: Key + "x"));
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "10.0.0.5", bearer: ""));
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, null));

        using var denied = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        denied.Headers.Add(TestClientAddress.Header, "203.0.113.7");
        using var response = await http.SendAsync(denied, Ct);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ScrapeKey", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_and_with_loopback_off_nobody_reads_them_and_switched_off_there_is_no_endpoint()
    {
        await using (var closed = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Observability:MetricsFromLoopback"] = "false",
        }))
        {
            using var http = closed.CreateDefaultClient();
            Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "127.0.0.1"));
            Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(http, "203.0.113.7", bearer: ""));
        }

        await using var off = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Minwon:Observability:Metrics"] = "false" });
        using var client = off.CreateDefaultClient();
        Assert.Equal(HttpStatusCode.NotFound, await ScrapeAsync(client, "127.0.0.1"));
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Minwon:Observability:SampleSeconds"] = "1",
        ["Minwon:Observability:ScrapeKey"] = Key,
    };

    private static async Task<HttpStatusCode> ScrapeAsync(HttpClient http, string? from, string? bearer = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (from is not null)
        {
            request.Headers.Add(TestClientAddress.Header, from);
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<string> UntilAsync(MinwonApp app, Func<string, bool> done, string what)
    {
        using var http = app.CreateDefaultClient();
        var text = "";
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add(TestClientAddress.Header, "127.0.0.1");
            using var response = await http.SendAsync(request, Ct);
            response.EnsureSuccessStatusCode();
            text = await response.Content.ReadAsStringAsync(Ct);
            if (done(text))
            {
                return text;
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"/metrics never showed {what}:\n{text}");
        return text;
    }

    [GeneratedRegex(@"minwon_consumer_processing_lag_time_seconds\{[^}]*consumer=""([a-z-]+)""[^}]*\} ([0-9.eE+-]+)")]
    private static partial Regex ProcessingLag();

    [GeneratedRegex(@"^minwon_queue_length\{[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex QueueLength();
}
