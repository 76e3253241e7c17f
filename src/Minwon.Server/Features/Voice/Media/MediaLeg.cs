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
    private readonly object _gate = new();
    private readonly JitterBuffer _jitter;
    private readonly Channel<short[]> _outbound;
    private long _outboundDropped;
    private long _sent;

    public MediaLeg(LegRole role, int sampleRate, string? userId = null, int jitterMaxFrames = 10, int jitterPrefill = 1, int outboundFrames = 25)
    {
        Role = role;
        UserId = userId;
        SampleRate = sampleRate;
        SamplesPerFrame = Pcm.SamplesPerFrame(sampleRate);
        _jitter = new JitterBuffer(SamplesPerFrame, jitterMaxFrames, jitterPrefill);
        _outbound = Channel.CreateBounded<short[]>(new BoundedChannelOptions(outboundFrames)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => Interlocked.Increment(ref _outboundDropped));
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
    public ChannelReader<short[]> Outbound => _outbound.Reader;

    public long OutboundDropped => Interlocked.Read(ref _outboundDropped);

    public long Sent => Interlocked.Read(ref _sent);

    public JitterStats JitterStats
    {
        get
        {
            lock (_gate)
            {
                return _jitter.Stats;
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

        lock (_gate)
        {
            _jitter.Push(frame, sequence);
        }
    }

    /// <summary>Called by the clock once per tick, before mixing.</summary>
    internal virtual short[]? TakeInput()
    {
        short[]? frame;
        lock (_gate)
        {
            frame = _jitter.Pop();
        }

        CurrentInput = Muted ? null : frame;
        return CurrentInput;
    }

    internal void SetCurrentInput(short[]? frame) => CurrentInput = frame;

    /// <summary>Called by the clock with this leg's mix; never blocks.</summary>
    internal virtual void Deliver(short[] mix)
    {
        if (_outbound.Writer.TryWrite(mix))
        {
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>Ends the outbound stream; the send loop finishes after what is queued.</summary>
    public void Close() => _outbound.Writer.TryComplete();
}
