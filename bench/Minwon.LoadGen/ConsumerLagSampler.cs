using System.Globalization;

namespace Minwon.LoadGen;

/// <summary>
/// Reads the server's own gauge <c>minwon_consumer_lag_time_seconds</c> (the age of the oldest event after each durable
/// cursor, read from the database, so any node reports every consumer) once a second from <c>/metrics</c>, which is open
/// to loopback. The server samples the database every <c>Minwon:Observability:SampleSeconds</c>, set to 1 for the run.
/// </summary>
public sealed class ConsumerLagSampler(Uri node) : IAsyncDisposable
{
    private const string Gauge = "minwon_consumer_lag_time_seconds{";
    private readonly HttpClient http = new() { BaseAddress = node, Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, List<double>> samples = [];
    private Task? loop;

    public void Start() => loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
        {
            try
            {
                Record(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), stop.Token).ConfigureAwait(false));
            }
            catch (HttpRequestException)
            {
                // A busy node missed one scrape; the next one counts.
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
            }
        }
    });

    private void Record(string exposition)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(Gauge, StringComparison.Ordinal))
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
