using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Tests.Voice;

/// <summary>
/// The media clock sleeps while its node has no call (session 11: the idle clock was most of an idle node's CPU) and a
/// call that registers must wake it, also one that registers just as the last call ends and the thread goes to sleep.
/// </summary>
public sealed class MediaClockParkingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_registered_as_the_clock_goes_to_sleep_is_ticked_and_the_clock_sleeps_again_without_calls()
    {
        var clock = new MediaClock(NullLogger<MediaClock>.Instance);
        await clock.StartAsync(Ct);
        try
        {
            await Task.Delay(200, Ct);
            Assert.Equal(0, clock.Ticks);

            // One call after another, the next registered 0 to 24 ms after the last one ended: some land while the thread is
            // still ticking, some as it parks, some after. Each must be ticked.
            for (var i = 0; i < 150; i++)
            {
                var bridge = new CallBridge(Guid.NewGuid(), 8000);
                clock.Register(bridge);
                var deadline = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
                while (bridge.Ticks == 0)
                {
                    Assert.True(Stopwatch.GetTimestamp() < deadline, $"call {i} was never ticked: the clock slept through its registration");
                    Thread.Sleep(1);
                }

                clock.Unregister(bridge);
                if (i % 25 > 0)
                {
                    Thread.Sleep(i % 25 - 1);
                }
            }

            // No call: no tick (the thread sleeps instead of waking 50 times a second).
            await Task.Delay(200, Ct);
            var parked = clock.Ticks;
            await Task.Delay(300, Ct);
            Assert.Equal(parked, clock.Ticks);
        }
        finally
        {
            // A sleeping clock wakes to stop: StopAsync would otherwise wait out its 2 s join.
            var stopping = Stopwatch.StartNew();
            await clock.StopAsync(CancellationToken.None);
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1.5), $"stopping the idle clock took {stopping.Elapsed.TotalMilliseconds:F0} ms");
        }
    }
}
