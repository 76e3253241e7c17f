using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Minwon.Server.Platform.Observability;

/// <summary>
/// Minwon's own instruments (meter <see cref="MeterName"/>). Labels are queue ids and names, consumer names, channels,
/// senders and outcomes: never a person, a phone number or message text. Gauges read from the database are the same on
/// every node (aggregate them with max, not sum); counters and histograms count what this node did.
/// </summary>
public sealed class MinwonMetrics : IDisposable
{
    public const string MeterName = "Minwon";

    // One meter per process, not one per IMeterFactory: OpenTelemetry binds instruments by meter and instrument name, so
    // a second host in the same process (the test apps) would otherwise shadow the first one's instruments.
    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<MinwonMetrics, byte> Live = new();
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("minwon.routing.offers", "{offer}", "Contacts offered to a counsellor, by queue.");
    private static readonly Histogram<double> Waiting = Meter.CreateHistogram<double>("minwon.routing.waiting_time", "s",
        "From joining the queue to the offer, by queue and channel.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 20, 30, 60, 120, 300, 600, 1800] });
    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("minwon.messages.stored", "{message}", "Messages stored and published by this node, by sender.");
    private static readonly Counter<long> Pushes = Meter.CreateCounter<long>("minwon.live.deliveries", "{push}", "Live pushes reaching this node (its own and, with Redis, the other nodes'), by kind.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("minwon.db.concurrency_retries", "{retry}",
        "Units of work run again because another writer changed the same rows first (Data/ConcurrencyRetry), by operation.");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("minwon.overload.refused", "{request}",
        "Requests answered 503 because this node had as much of that work in flight as it takes (MessagePostLimiter), by work.");
    private static readonly Histogram<double> Stt = Meter.CreateHistogram<double>("minwon.stt.latency", "s", "Speech-to-text: audio end to transcript, by engine.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10] });

    private volatile IReadOnlyList<QueueSample> queues = [];
    private volatile IReadOnlyList<ConsumerSample> consumers = [];
    private volatile IReadOnlyList<ConsumerProcessingSample> processing = [];
    private volatile IReadOnlyList<CallSample> calls = [];
    private int legs;

    // The gauges read from the database are the same on every node, so where one process holds several hosts (the test
    // apps) each series is the largest of theirs: one host's empty sample never hides another's.
    static MinwonMetrics()
    {
        Meter.CreateObservableGauge("minwon.queue.length", () => Largest(m => m.queues, q => (q.QueueId, q.Name), q => q.Waiting).Select(q =>
            new Measurement<long>(q.Value, new("queue_id", q.Key.QueueId), new("queue", q.Key.Name))), "{contact}", "Contacts waiting, by queue.");
        Meter.CreateObservableGauge("minwon.queue.oldest_wait", () => Largest(m => m.queues, q => (q.QueueId, q.Name), q => q.OldestWaitSeconds).Select(q =>
            new Measurement<double>(q.Value, new("queue_id", q.Key.QueueId), new("queue", q.Key.Name))), "s", "Age of the longest-waiting contact, by queue.");
        Meter.CreateObservableGauge("minwon.consumer.lag", () => Largest(m => m.consumers, c => c.Name, c => c.Events).Select(c =>
            new Measurement<long>(c.Value, new KeyValuePair<string, object?>("consumer", c.Key))), "{event}", "Events in the log after a consumer's cursor.");
        Meter.CreateObservableGauge("minwon.consumer.lag_time", () => Largest(m => m.consumers, c => c.Name, c => c.Seconds).Select(c =>
            new Measurement<double>(c.Value, new KeyValuePair<string, object?>("consumer", c.Key))), "s", "Age of the oldest event a consumer has not read.");
        Meter.CreateObservableGauge("minwon.consumer.processing_lag_time", () => Largest(m => m.processing, c => c.Name, c => c.Seconds).Select(c =>
            new Measurement<double>(c.Value, new KeyValuePair<string, object?>("consumer", c.Key))), "s",
            "Age of the oldest event of a type that wakes a consumer, after the position its last batch reached in memory; reported by the node running it.");
        Meter.CreateObservableGauge("minwon.calls.open", () => Largest(m => m.calls, c => c.State, c => c.Count).Select(c =>
            new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key))), "{call}", "Calls not ended, by state.");
        Meter.CreateObservableGauge("minwon.call.legs", () => Live.Keys.Sum(m => Volatile.Read(ref m.legs)), "{leg}", "Media legs joined to calls on this node.");
    }

    private static IEnumerable<KeyValuePair<TKey, TValue>> Largest<TSample, TKey, TValue>(Func<MinwonMetrics, IReadOnlyList<TSample>> samples,
        Func<TSample, TKey> key, Func<TSample, TValue> value)
        where TKey : notnull
        where TValue : IComparable<TValue> =>
        Live.Keys.SelectMany(samples).GroupBy(key).Select(g => KeyValuePair.Create(g.Key, g.Select(value).Max()!));

    public MinwonMetrics() => Live[this] = 0;

    public void Dispose() => Live.TryRemove(this, out _);

    /// <summary>Read from the database by Features/Routing (<c>QueueMetrics</c>).</summary>
    public void SetQueues(IReadOnlyList<QueueSample> sample) => queues = sample;

    /// <summary>Read from the database by <see cref="ConsumerLagSampler"/>.</summary>
    public void SetConsumers(IReadOnlyList<ConsumerSample> sample) => consumers = sample;

    /// <summary>The consumers this node runs, by <see cref="ConsumerLagSampler"/>.</summary>
    public void SetProcessing(IReadOnlyList<ConsumerProcessingSample> sample) => processing = sample;

    /// <summary>Read by Features/Voice (<c>CallMetrics</c>): open calls from the database, legs from this node's bridges.</summary>
    public void SetCalls(IReadOnlyList<CallSample> sample, int legsHere)
    {
        calls = sample;
        Volatile.Write(ref legs, legsHere);
    }

    public void Offered(int? queueId, string channel, TimeSpan waited)
    {
        var queue = new KeyValuePair<string, object?>("queue_id", queueId ?? 0);
        Offers.Add(1, queue);
        Waiting.Record(Math.Max(0, waited.TotalSeconds), queue, new("channel", channel));
    }

    public void MessageStored(string sender) => Messages.Add(1, new KeyValuePair<string, object?>("sender", sender));

    public void Delivered(string kind) => Pushes.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A unit of work lost a race (a stale concurrency token, a unique-key collision, a busy database) and runs again.</summary>
    public static void ConcurrencyRetried(string operation) => Retries.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Work refused with 503 because too much of it was in flight on this node.</summary>
    public static void OverloadRefused(string work) => Refused.Add(1, new KeyValuePair<string, object?>("work", work));

    /// <summary>The hook for a transcriber: how long from the end of an utterance to its transcript.</summary>
    public void SpeechRecognised(string engine, TimeSpan latency) => Stt.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("engine", engine));
}

public sealed record QueueSample(int QueueId, string Name, long Waiting, double OldestWaitSeconds);

public sealed record ConsumerSample(string Name, long Events, double Seconds);

public sealed record ConsumerProcessingSample(string Name, double Seconds);

public sealed record CallSample(string State, long Count);
