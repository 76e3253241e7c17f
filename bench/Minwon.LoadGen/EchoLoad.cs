using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Minwon.LoadGen;

/// <summary>
/// The same number of WebSocket connections and the same total message rate as the Minwon phase, against the echo
/// server; latency is the round trip (client to server to client), the same two hops as a chat message.
/// </summary>
public static class EchoLoad
{
    public static async Task<EchoFigures> RunAsync(Uri baseUri, int connections, double messagesPerSecond, TimeSpan warmup, TimeSpan duration,
        TimeSpan grace, int payloadBytes, Action onMeasuring, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        var wsUri = Loopback.Require(new Uri($"ws://{baseUri.Authority}/echo"));
        var sockets = new ClientWebSocket[connections];
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    sockets[i] = new ClientWebSocket();
                    await sockets[i].ConnectAsync(wsUri, ct);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var sent = new ConcurrentDictionary<long, long>();
        var received = new ConcurrentDictionary<long, int>();
        var latencies = new ConcurrentQueue<double>();
        var errors = 0;
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receivers = sockets.Select(s => Task.Run(() => ReceiveLoopAsync(s, sent, received, latencies, stopReceiving.Token))).ToArray();
        var interval = TimeSpan.FromSeconds(connections / messagesPerSecond);
        var padding = new string('가', Math.Max(0, (payloadBytes - 40) / 3));
        var phaseStart = Stopwatch.GetTimestamp();
        var measureFrom = long.MaxValue;
        var next = 0L;
        var measuring = Task.Run(async () =>
        {
            await Task.Delay(warmup, ct);
            Volatile.Write(ref measureFrom, Stopwatch.GetTimestamp());
            onMeasuring();
        }, ct);
        await Task.WhenAll(sockets.Select((socket, i) => Task.Run(async () =>
        {
            var offset = interval * i / connections;
            for (var k = 0; ; k++)
            {
                var due = offset + interval * k;
                if (due >= warmup + duration)
                {
                    break;
                }

                var wait = due - Stopwatch.GetElapsedTime(phaseStart);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var id = Interlocked.Increment(ref next);
                var now = Stopwatch.GetTimestamp();
                if (now >= Volatile.Read(ref measureFrom))
                {
                    sent[id] = now;
                }

                try
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes($"{id}|{padding}"), WebSocketMessageType.Text, true, ct);
                }
                catch (WebSocketException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, ct)));

        await measuring;
        var graceStart = Stopwatch.GetTimestamp();
        while (received.Count < sent.Count && Stopwatch.GetElapsedTime(graceStart) < grace)
        {
            await Task.Delay(100, ct);
        }

        await stopReceiving.CancelAsync();
        foreach (var s in sockets)
        {
            s.Abort();
            s.Dispose();
        }

        await Task.WhenAll(receivers);
        return new EchoFigures(connections, messagesPerSecond, sent.Count, received.Count, sent.Keys.Count(k => !received.ContainsKey(k)),
            received.Values.Count(n => n > 1), errors, LatencyStats.From(latencies.ToList()));
    }

    private static async Task ReceiveLoopAsync(ClientWebSocket socket, ConcurrentDictionary<long, long> sent,
        ConcurrentDictionary<long, int> received, ConcurrentQueue<double> latencies, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                var at = Stopwatch.GetTimestamp();
                var bar = buffer.AsSpan(0, count).IndexOf((byte)'|');
                if (bar > 0 && long.TryParse(Encoding.ASCII.GetString(buffer, 0, bar), out var id) && sent.TryGetValue(id, out var sentAt))
                {
                    if (received.AddOrUpdate(id, 1, (_, n) => n + 1) == 1)
                    {
                        latencies.Enqueue(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }
}
