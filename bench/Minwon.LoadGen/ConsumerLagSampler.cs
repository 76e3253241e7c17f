using System.Globalization;

namespace Minwon.LoadGen;

/// <summary>
/// Reads the server's own gauge <c>minwon_consumer_lag_time_seconds</c> (the age of the oldest event after each durable
/// cursor, read from the database, so any node reports every consumer) once a second from <c>/metrics</c>, which is open
/// to loopback. The server samples the database every <c>Minwon:Observability:SampleSeconds</c>, set to 1 for the run.
/// Beside it, <c>minwon_consumer_processing_lag_time_seconds</c> from every node (each consumer is reported by the node
/// running it): the age of the oldest event after the position its batches reached in memory, without the cursor's save
/// cadence (the issue detector saves every 30 s by design).
/// </summary>
public sealed class ConsumerLagSampler(IReadOnlyList<Uri> nodes) : IAsyncDisposable
{
    private const string Gauge = "minwon_consumer_lag_time_seconds{";
    private const string ProcessingGauge = "minwon_consumer_processing_lag_time_seconds{";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, List<double>> samples = [];
    private readonly Dictionary<string, List<double>> processing = [];
    private Task? loop;

    public void Start() => loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                try
                {
                    var exposition = await http.GetStringAsync(new Uri(nodes[i], "/metrics"), stop.Token).ConfigureAwait(false);
                    if (i == 0)
                    {
                        Record(exposition, Gauge, samples);
                    }

                    Record(exposition, ProcessingGauge, processing);
                }
                catch (HttpRequestException)
                {
                    // A busy node missed one scrape; the next one counts.
                }
                catch (TaskCanceledException) when (!stop.IsCancellationRequested)
                {
                }
            }
        }
    });

    private static void Record(string exposition, string gauge, Dictionary<string, List<double>> samples)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(gauge, StringComparison.Ordinal))
            {
                continue;
            }

            var name = Label(line, "consumer");
            var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            if (name is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                lock (samples)
                {
                    (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(seconds);
                }
            }
        }
    }

    private static string? Label(string line, string label)
    {
        var start = line.IndexOf(label + "=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += label.Length + 2;
        var end = line.IndexOf('"', start);
        return end > start ? line[start..end] : null;
    }

    public async Task<ConsumerLagFigures?> StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await (loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        return Figures(samples) is { } saved ? saved with { Processing = Figures(processing) } : null;
    }

    private static ConsumerLagFigures? Figures(Dictionary<string, List<double>> samples)
    {
        lock (samples)
        {
            var all = samples.Values.SelectMany(s => s).Select(s => s * 1000).ToList();
            if (all.Count == 0)
            {
                return null;
            }

            var stats = LatencyStats.From(all);
            return new ConsumerLagFigures(all.Count, Math.Round(stats.P50Ms / 1000, 3), Math.Round(stats.P99Ms / 1000, 3),
                Math.Round(stats.MaxMs / 1000, 3),
                samples.ToDictionary(s => s.Key, s => Math.Round(LatencyStats.From([.. s.Value.Select(v => v * 1000)]).P99Ms / 1000, 3)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        stop.Dispose();
        http.Dispose();
    }
}
