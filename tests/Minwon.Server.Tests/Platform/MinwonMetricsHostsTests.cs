using System.Diagnostics.Metrics;
using Minwon.Server.Platform.Observability;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Several hosts in one process (the test apps) each hold a <see cref="MinwonMetrics"/>; a gauge read from the database
/// reports the largest of their samples per series, so one host's empty sample never hides another's.
/// </summary>
public sealed class MinwonMetricsHostsTests
{
    [Fact]
    public void A_gauge_series_reports_the_largest_sample_of_the_hosts_in_the_process()
    {
        // A queue id no other test uses, so parallel hosts cannot add to this series.
        const int queue = 987_654;
        using var empty = new MinwonMetrics();
        using var busy = new MinwonMetrics();
        empty.SetQueues([new QueueSample(queue, "metrics-test", 0, 0)]);
        busy.SetQueues([new QueueSample(queue, "metrics-test", 4, 12.5)]);

        Assert.Equal([4L], Observe<long>("minwon.queue.length", queue));
        Assert.Equal([12.5], Observe<double>("minwon.queue.oldest_wait", queue));

        busy.Dispose();
        Assert.Equal([0L], Observe<long>("minwon.queue.length", queue));
    }

    private static List<T> Observe<T>(string instrument, int queue) where T : struct
    {
        var seen = new List<T>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == MinwonMetrics.MeterName && i.Name == instrument)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue_id" && tag.Value is int id && id == queue)
                {
                    seen.Add(value);
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}
