using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Media;
using Minwon.Server.Features.Voice.Transports;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Voice;

/// <summary>What a broken or hostile AudioSocket peer does, and that the server logs it clearly and leaks nothing.</summary>
public sealed class AudioSocketBadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_oversized_unknown_and_early_frames_get_clear_warnings_and_a_hang_up_where_the_stream_cannot_go_on()
    {
        await using var app = await VoiceTestKit.StartAsync();
        var endpoint = await app.AudioSocketAsync();

        // Audio before the UUID: refused with a hang-up frame.
        await using (var early = new AudioSocketTestClient())
        {
            await early.ConnectAsync(endpoint, sendUuid: false, pace: false);
            await early.SendFrameAsync(AudioSocketCodec.AudioFrame(new short[160], 8000));
            Assert.Equal(AudioSocketKind.Hangup, await early.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        }

        // A UUID frame of the wrong size is no UUID either.
        await using (var shortUuid = new AudioSocketTestClient())
        {
            await shortUuid.ConnectAsync(endpoint, sendUuid: false, pace: false);
            await shortUuid.SendFrameAsync(AudioSocketCodec.Frame(AudioSocketKind.Uuid, new byte[7]));
            Assert.Equal(AudioSocketKind.Hangup, await shortUuid.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        }

        // Unknown types and a bad DTMF are ignored; an oversized length ends the call with a hang-up frame.
        await using (var caller = new AudioSocketTestClient())
        {
            await caller.ConnectAsync(endpoint);
            await caller.SendFrameAsync(AudioSocketCodec.Frame((AudioSocketKind)0x42, [1, 2, 3]));
            await caller.SendFrameAsync(AudioSocketCodec.Frame(AudioSocketKind.Dtmf, [(byte)'x', (byte)'y']));
            await VoiceTestKit.UntilAsync(async () => (await app.FindCallAsync(c => c.ExternalId == caller.Uuid.ToString()))?.ConversationId is not null, "the call");
            Assert.Equal(CallState.Waiting, (await app.CallAsync(c => c.ExternalId == caller.Uuid.ToString())).State);
            await caller.SendFrameAsync([0x10, 0xFF, 0xF0, 1, 2, 3]);
            Assert.Equal(AudioSocketKind.Hangup, await caller.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
            await VoiceTestKit.UntilAsync(async () => (await app.CallAsync(c => c.ExternalId == caller.Uuid.ToString())).State == CallState.Ended, "the call to end");
            Assert.Equal("bad-frame", (await app.CallAsync(c => c.ExternalId == caller.Uuid.ToString())).HangupCause);
        }

        var voice = app.Logs.Entries.Where(e => e.Category.Contains("Voice", StringComparison.Ordinal)).ToList();
        Assert.Contains(voice, e => e.Level == LogLevel.Warning && e.Message.Contains("0x10 before its UUID", StringComparison.Ordinal));
        Assert.Contains(voice, e => e.Level == LogLevel.Warning && e.Message.Contains("unknown AudioSocket frame type 0x42", StringComparison.Ordinal));
        Assert.Contains(voice, e => e.Level == LogLevel.Warning && e.Message.Contains("DTMF frame without one valid digit", StringComparison.Ordinal));
        Assert.Contains(voice, e => e.Level == LogLevel.Warning && e.Message.Contains("65520 bytes, over the limit", StringComparison.Ordinal));
        Assert.All(voice, e => Assert.Null(e.Exception));
    }

    [Fact]
    public async Task A_peer_that_stops_reading_loses_only_its_own_frames_while_another_call_keeps_its_audio()
    {
        await using var app = await VoiceTestKit.StartAsync();
        var endpoint = await app.AudioSocketAsync();
        using var stalled = new TcpClient();
        stalled.ReceiveBufferSize = 4096;
        await stalled.ConnectAsync(endpoint, Ct);
        var stalledUuid = Guid.NewGuid();
        await stalled.GetStream().WriteAsync(AudioSocketCodec.UuidFrame(stalledUuid), Ct);

        await using var healthy = new AudioSocketTestClient();
        await healthy.ConnectAsync(endpoint);
        var calls = app.Services.GetRequiredService<CallManager>();
        await VoiceTestKit.UntilAsync(() => calls.Calls.Count(s => s.CallId != Guid.Empty) == 2, "both calls");

        // The stalled peer's socket buffers fill, then its own queue overflows; the other call gets every tick meanwhile.
        // Counted against the clock's own ticks, not wall time: on a busy machine the clock itself may be starved.
        var clock = app.Services.GetRequiredService<MediaClock>();
        var healthyId = (await app.CallAsync(c => c.ExternalId == healthy.Uuid.ToString())).Id;
        var healthyLeg = calls.Calls.Single(s => s.CallId == healthyId).Caller;
        var ticksBefore = clock.Ticks;
        var sentBefore = healthyLeg.Sent;
        await VoiceTestKit.UntilAsync(() => calls.Calls.Sum(s => s.Caller.OutboundDropped) > 50, "the stalled leg to drop frames", 90);
        var ticks = clock.Ticks - ticksBefore;
        var sent = healthyLeg.Sent - sentBefore;
        Assert.True(sent >= ticks - 2, $"the healthy caller was handed {sent} frames in {ticks} ticks");
        Assert.Equal(0, healthyLeg.OutboundDropped);
        await VoiceTestKit.UntilAsync(() => healthy.AudioFrames() >= sentBefore + sent - 25, "the healthy caller to receive its frames");
        Assert.Single(calls.Calls, s => s.Caller.OutboundDropped == 0);
    }

    [Fact]
    public async Task A_thousand_connect_and_disconnect_cycles_leave_no_call_connection_or_task_behind()
    {
        await using var app = await VoiceTestKit.StartAsync();
        var endpoint = await app.AudioSocketAsync();
        for (var i = 0; i < 1000; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint, Ct);
            var stream = tcp.GetStream();
            switch (i % 4)
            {
                case 0:
                    break;
                case 1:
                    await stream.WriteAsync(new byte[] { 0x01, 0x00 }, Ct);
                    break;
                case 2:
                    await stream.WriteAsync(AudioSocketCodec.UuidFrame(Guid.NewGuid()), Ct);
                    await stream.WriteAsync(AudioSocketCodec.AudioFrame(new short[160], 8000), Ct);
                    break;
                default:
                    await stream.WriteAsync(AudioSocketCodec.UuidFrame(Guid.NewGuid()), Ct);
                    await stream.WriteAsync(AudioSocketCodec.Frame(AudioSocketKind.Hangup, []), Ct);
                    break;
            }
        }

        var listener = app.Services.GetRequiredService<AudioSocketListener>();
        var calls = app.Services.GetRequiredService<CallManager>();
        var clock = app.Services.GetRequiredService<MediaClock>();
        await VoiceTestKit.UntilAsync(() => listener.ActiveConnections == 0 && calls.OpenCalls == 0 && clock.Calls == 0,
            $"connections {listener.ActiveConnections}, calls {calls.OpenCalls}, bridges {clock.Calls} to drain", 120);
        var rows = await app.RowsAsync<Call>();
        Assert.Equal(500, rows.Count);
        Assert.All(rows, c => Assert.Equal(CallState.Ended, c.State));
        Assert.All(app.Logs.Entries.Where(e => e.Category.Contains("Voice", StringComparison.Ordinal)), e => Assert.Null(e.Exception));
    }
}
