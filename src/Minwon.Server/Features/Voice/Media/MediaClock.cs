using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The node's media clock: one dedicated thread that ticks every registered bridge every 20 ms against a monotonic
/// stopwatch (not the injected TimeProvider: media pacing is real time even when tests fake business time). Deadlines
/// are absolute, so ticks do not drift; when the machine stalls the clock catches up to five ticks at once and then
/// skips ahead, counting the skipped ticks.
/// </summary>
public sealed partial class MediaClock(ILogger<MediaClock> logger) : IHostedService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<Guid, CallBridge> _bridges = new();
    // A flag, not a CancellationTokenSource: the host may stop the service after disposing it (test hosts do).
    private volatile bool _stopping;
    private Thread? _thread;
    private long _ticks;
    private long _skipped;
    private long _maxTickMicroseconds;

    public int Calls => _bridges.Count;

    public long Ticks => Interlocked.Read(ref _ticks);

    public long SkippedTicks => Interlocked.Read(ref _skipped);

    /// <summary>Longest time one tick of all bridges took, in microseconds.</summary>
    public long MaxTickMicroseconds => Interlocked.Read(ref _maxTickMicroseconds);

    public void Register(CallBridge bridge) => _bridges[bridge.CallId] = bridge;

    public void Unregister(CallBridge bridge) => _bridges.TryRemove(bridge.CallId, out _);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "Minwon media clock", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _thread?.Join(TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    private void Run()
    {
        var watch = Stopwatch.StartNew();
        var due = Period;
        while (!_stopping)
        {
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
                continue;
            }

            var behind = (long)((watch.Elapsed - due) / Period);
            if (behind > 5)
            {
                Interlocked.Add(ref _skipped, behind);
                due += Period * behind;
            }

            var started = watch.Elapsed;
            foreach (var bridge in _bridges.Values)
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
            if (took > Interlocked.Read(ref _maxTickMicroseconds))
            {
                Interlocked.Exchange(ref _maxTickMicroseconds, took);
            }

            Interlocked.Increment(ref _ticks);
            due += Period;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media tick failed for call {CallId}; the call goes on")]
    private partial void LogTickFailed(Exception exception, Guid callId);
}
