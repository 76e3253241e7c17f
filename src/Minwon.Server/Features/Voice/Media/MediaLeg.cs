using System.Threading.Channels;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// One endpoint of a call. The transport pushes received audio with <see cref="Receive"/> (any thread) into a
/// jitter buffer; the media clock takes one frame per tick and hands the leg its mix, which waits in a bounded
/// outbound queue for the transport's send loop. A peer that stops reading fills only its own queue: the oldest
/// frames are dropped and counted, and neither the clock nor the other legs wait.
/// </summary>
public class MediaLeg
{
    private readonly object gate = new();
    private readonly JitterBuffer jitter;
    private readonly Channel<short[]> outbound;
    private long outboundDropped;
    private long sent;

    public MediaLeg(LegRole role, int sampleRate, string? userId = null, int jitterMaxFrames = 10, int jitterPrefill = 1, int outboundFrames = 25)
    {
        Role = role;
        UserId = userId;
        SampleRate = sampleRate;
        SamplesPerFrame = Pcm.SamplesPerFrame(sampleRate);
        jitter = new JitterBuffer(SamplesPerFrame, jitterMaxFrames, jitterPrefill);
        outbound = Channel.CreateBounded<short[]>(new BoundedChannelOptions(outboundFrames)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => Interlocked.Increment(ref outboundDropped));
    }

    public Guid Id { get; } = Guid.NewGuid();

    public LegRole Role { get; set; }

    public string? UserId { get; }

    /// <summary>The bridge's rate; transports convert to and from their own.</summary>
    public int SampleRate { get; }

    public int SamplesPerFrame { get; }

    /// <summary>A muted leg's audio is taken off the mix (the counsellor's mute button).</summary>
    public bool Muted { get; set; }

    /// <summary>The frame this leg contributed on the current tick (after mute); read by taps and echo.</summary>
    public short[]? CurrentInput { get; private set; }

    /// <summary>Frames the send loop reads; completes when the leg leaves.</summary>
    public ChannelReader<short[]> Outbound => outbound.Reader;

    public long OutboundDropped => Interlocked.Read(ref outboundDropped);

    public long Sent => Interlocked.Read(ref sent);

    public JitterStats JitterStats
    {
        get
        {
            lock (gate)
            {
                return jitter.Stats;
            }
        }
    }

    /// <summary>A received 20 ms frame at the bridge's rate; <paramref name="sequence"/> when the transport numbers frames.</summary>
    public void Receive(short[] frame, long? sequence = null)
    {
        if (frame.Length != SamplesPerFrame)
        {
            throw new ArgumentException($"A frame has {SamplesPerFrame} samples at {SampleRate} Hz.", nameof(frame));
        }

        lock (gate)
        {
            jitter.Push(frame, sequence);
        }
    }

    /// <summary>Called by the clock once per tick, before mixing.</summary>
    internal virtual short[]? TakeInput()
    {
        short[]? frame;
        lock (gate)
        {
            frame = jitter.Pop();
        }

        CurrentInput = Muted ? null : frame;
        return CurrentInput;
    }

    internal void SetCurrentInput(short[]? frame) => CurrentInput = frame;

    /// <summary>Called by the clock with this leg's mix; never blocks.</summary>
    internal virtual void Deliver(short[] mix)
    {
        if (outbound.Writer.TryWrite(mix))
        {
            Interlocked.Increment(ref sent);
        }
    }

    /// <summary>Ends the outbound stream; the send loop finishes after what is queued.</summary>
    public void Close() => outbound.Writer.TryComplete();
}
