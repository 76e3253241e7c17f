using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The node's media clock: one dedicated thread that ticks every registered bridge every 20 ms against a monotonic
/// stopwatch (not the injected TimeProvider: media pacing is real time even when tests fake business time). Deadlines
/// are absolute, so ticks do not drift; when the machine stalls the clock catches up to five ticks at once and then
/// skips ahead, counting the skipped ticks. With no call on the node the thread sleeps until a bridge registers: an
/// idle clock woke 50 times a second and spun out the last millisecond of each period (a sub-millisecond
/// <c>Thread.Sleep</c> is a yield), about 60 % of an idle node's CPU (docs/benchmarks/load.md, session 11).
/// <see cref="Ticks"/> counts the ticks with at least one call.
/// </summary>
public sealed partial class MediaClock(ILogger<MediaClock> logger) : IHostedService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<Guid, CallBridge> bridges = new();
    // The idle thread waits on it (Monitor) until a bridge registers or the clock stops.
    private readonly object idle = new();
    // A flag, not a CancellationTokenSource: the host may stop the service after disposing it (test hosts do).
    private volatile bool stopping;
    private Thread? thread;
    private long ticks;
    private long skipped;
    private long maxTickMicroseconds;

    public int Calls => bridges.Count;

    public long Ticks => Interlocked.Read(ref ticks);

    public long SkippedTicks => Interlocked.Read(ref skipped);

    /// <summary>Longest time one tick of all bridges took, in microseconds.</summary>
    public long MaxTickMicroseconds => Interlocked.Read(ref maxTickMicroseconds);

    public void Register(CallBridge bridge)
    {
        bridges[bridge.CallId] = bridge;
        lock (idle)
        {
            Monitor.PulseAll(idle);
        }
    }

    public void Unregister(CallBridge bridge) => bridges.TryRemove(bridge.CallId, out _);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        thread = new Thread(Run) { IsBackground = true, Name = "Minwon media clock", Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        lock (idle)
        {
            Monitor.PulseAll(idle);
        }

        thread?.Join(TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    private void Run()
    {
        var watch = Stopwatch.StartNew();
        var due = Period;
        while (!stopping)
        {
            if (bridges.IsEmpty)
            {
                // No call on this node: sleep until one registers (checked under the lock Register pulses), then tick from then on.
                lock (idle)
                {
                    while (bridges.IsEmpty && !stopping)
                    {
                        Monitor.Wait(idle);
                    }
                }

                due = watch.Elapsed + Period;
                continue;
            }

            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
                continue;
            }

            var behind = (long)((watch.Elapsed - due) / Period);
            if (behind > 5)
            {
                Interlocked.Add(ref skipped, behind);
                due += Period * behind;
            }

            var started = watch.Elapsed;
            foreach (var bridge in bridges.Values)
            {
                try
                {
                    bridge.Tick();
                }
                catch (Exception ex)
                {
                    LogTickFailed(ex, bridge.CallId);
                }
            }

            var took = (long)(watch.Elapsed - started).TotalMicroseconds;
            if (took > Interlocked.Read(ref maxTickMicroseconds))
            {
                Interlocked.Exchange(ref maxTickMicroseconds, took);
            }

            Interlocked.Increment(ref ticks);
            due += Period;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media tick failed for call {CallId}; the call goes on")]
    private partial void LogTickFailed(Exception exception, Guid callId);
}
