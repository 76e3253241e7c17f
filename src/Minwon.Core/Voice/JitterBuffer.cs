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

    private readonly SortedList<long, short[]> frames = [];
    private readonly int maxDepth;
    private readonly int prefill;
    private long nextArrival;
    private long? lastPlayed;
    private bool playing;
    private int emptyTicks;
    private int deepTicks;
    private short[]? previous;
    private bool concealedOnce;
    private long received, played, late, duplicates, overflow, trimmed, concealed, underruns, lost;

    public JitterBuffer(int samplesPerFrame, int maxDepth = 10, int prefill = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(prefill, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefill, maxDepth);
        SamplesPerFrame = samplesPerFrame;
        this.maxDepth = maxDepth;
        this.prefill = prefill;
    }

    public int SamplesPerFrame { get; }

    public int Depth => frames.Count;

    public JitterStats Stats => new(received, played, late, duplicates, overflow, trimmed, concealed, underruns, lost);

    /// <summary>Adds a frame; without a sequence number it takes the next arrival number.</summary>
    public void Push(short[] frame, long? sequence = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        received++;
        var key = sequence ?? nextArrival;
        nextArrival = Math.Max(nextArrival, key) + 1;
        if (lastPlayed is { } last && key <= last)
        {
            late++;
            return;
        }

        if (!frames.TryAdd(key, frame))
        {
            duplicates++;
            return;
        }

        while (frames.Count > maxDepth)
        {
            frames.RemoveAt(0);
            overflow++;
        }
    }

    /// <summary>The frame to play this tick: a received frame, a concealment frame, or null for silence.</summary>
    public short[]? Pop()
    {
        if (!playing)
        {
            if (frames.Count < prefill)
            {
                return null;
            }

            playing = true;
        }

        if (frames.Count == 0)
        {
            underruns++;
            if (++emptyTicks >= RebufferAfterUnderruns)
            {
                playing = false;
            }

            return Conceal();
        }

        emptyTicks = 0;
        if (frames.Count >= prefill + 2)
        {
            if (++deepTicks >= TrimAfterTicks)
            {
                deepTicks = 0;
                lastPlayed = frames.Keys[0];
                frames.RemoveAt(0);
                trimmed++;
            }
        }
        else
        {
            deepTicks = 0;
        }

        var key = frames.Keys[0];
        if (lastPlayed is { } last && key > last + 1)
        {
            if (!concealedOnce)
            {
                // The next frame in order is missing: wait one tick for it (concealing) before skipping ahead.
                concealedOnce = true;
                return Conceal();
            }

            lost += key - last - 1;
        }

        concealedOnce = false;
        var frame = frames.Values[0];
        frames.RemoveAt(0);
        lastPlayed = key;
        previous = frame;
        played++;
        return frame;
    }

    private short[]? Conceal()
    {
        if (previous is null)
        {
            return null;
        }

        concealed++;
        var faded = new short[previous.Length];
        for (var i = 0; i < faded.Length; i++)
        {
            faded[i] = (short)(previous[i] / 2);
        }

        previous = null;
        return faded;
    }
}
