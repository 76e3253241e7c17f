namespace Minwon.Core.Voice;

/// <summary>
/// Playout buffer for one network leg. The network side pushes frames whenever they arrive; the call's clock pops
/// exactly one per 20 ms tick. Not thread-safe by itself: the owner locks around Push and Pop.
/// </summary>
/// <remarks>
/// <para>Policy (docs/voice.md): playout starts once <c>prefill</c> frames are held. Frames that carry a sequence
/// number are kept in sequence order, so reordering within the buffer's depth is undone; a frame older than the last
/// one played is dropped as late, a repeated sequence as duplicate. A frame that is missing when its turn comes is
/// concealed once (the previous frame at half level), then played as silence, and counted as lost (never arrived) when playout skips past it.
/// When more than <c>maxDepth</c> frames are held the oldest is dropped (overflow); when the buffer has held at least
/// <c>prefill + 2</c> frames for 200 ms the oldest is dropped too (trimmed, at most five a second), so a sender whose clock runs
/// slightly fast, or a burst after a stall, does not add latency for the rest of the call. After
/// <see cref="RebufferAfterUnderruns"/> empty ticks in a row the buffer prefills again.</para>
/// <para>Transports without sequence numbers (AudioSocket over TCP, the browser WebSocket) push without one; order is
/// then arrival order, which TCP already guarantees.</para>
/// </remarks>
public sealed class JitterBuffer
{
    public const int RebufferAfterUnderruns = 5;
    private const int TrimAfterTicks = 10;

    private readonly SortedList<long, short[]> _frames = [];
    private readonly int _maxDepth;
    private readonly int _prefill;
    private long _nextArrival;
    private long? _lastPlayed;
    private bool _playing;
    private int _emptyTicks;
    private int _deepTicks;
    private short[]? _previous;
    private bool _concealedOnce;
    private long _received, _played, _late, _duplicates, _overflow, _trimmed, _concealed, _underruns, _lost;

    public JitterBuffer(int samplesPerFrame, int maxDepth = 10, int prefill = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(prefill, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefill, maxDepth);
        SamplesPerFrame = samplesPerFrame;
        _maxDepth = maxDepth;
        _prefill = prefill;
    }

    public int SamplesPerFrame { get; }

    public int Depth => _frames.Count;

    public JitterStats Stats => new(_received, _played, _late, _duplicates, _overflow, _trimmed, _concealed, _underruns, _lost);

    /// <summary>Adds a frame; without a sequence number it takes the next arrival number.</summary>
    public void Push(short[] frame, long? sequence = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _received++;
        var key = sequence ?? _nextArrival;
        _nextArrival = Math.Max(_nextArrival, key) + 1;
        if (_lastPlayed is { } last && key <= last)
        {
            _late++;
            return;
        }

        if (!_frames.TryAdd(key, frame))
        {
            _duplicates++;
            return;
        }

        while (_frames.Count > _maxDepth)
        {
            _frames.RemoveAt(0);
            _overflow++;
        }
    }

    /// <summary>The frame to play this tick: a received frame, a concealment frame, or null for silence.</summary>
    public short[]? Pop()
    {
        if (!_playing)
        {
            if (_frames.Count < _prefill)
            {
                return null;
            }

            _playing = true;
        }

        if (_frames.Count == 0)
        {
            _underruns++;
            if (++_emptyTicks >= RebufferAfterUnderruns)
            {
                _playing = false;
            }

            return Conceal();
        }

        _emptyTicks = 0;
        if (_frames.Count >= _prefill + 2)
        {
            if (++_deepTicks >= TrimAfterTicks)
            {
                _deepTicks = 0;
                _lastPlayed = _frames.Keys[0];
                _frames.RemoveAt(0);
                _trimmed++;
            }
        }
        else
        {
            _deepTicks = 0;
        }

        var key = _frames.Keys[0];
        if (_lastPlayed is { } last && key > last + 1)
        {
            if (!_concealedOnce)
            {
                // The next frame in order is missing: wait one tick for it (concealing) before skipping ahead.
                _concealedOnce = true;
                return Conceal();
            }

            _lost += key - last - 1;
        }

        _concealedOnce = false;
        var frame = _frames.Values[0];
        _frames.RemoveAt(0);
        _lastPlayed = key;
        _previous = frame;
        _played++;
        return frame;
    }

    private short[]? Conceal()
    {
        if (_previous is null)
        {
            return null;
        }

        _concealed++;
        var faded = new short[_previous.Length];
        for (var i = 0; i < faded.Length; i++)
        {
            faded[i] = (short)(_previous[i] / 2);
        }

        _previous = null;
        return faded;
    }
}
