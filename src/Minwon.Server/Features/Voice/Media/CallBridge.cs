using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Media;

/// <summary>
/// The media of one call on the node that holds it: legs join and leave at any time without stopping the others,
/// taps (recorder, transcriber) see every leg's audio, and the <see cref="MediaClock"/> ticks it every 20 ms: one
/// frame from each leg, one mix for each leg, delivered without waiting. Who hears whom follows the legs' roles
/// and <see cref="Held"/>: nobody hears themselves, prompts reach only the caller, a whisper only the counsellor.
/// </summary>
public sealed class CallBridge(Guid callId, int sampleRate)
{
    private readonly object gate = new();
    private readonly Mixer mixer = new(Pcm.SamplesPerFrame(sampleRate));
    private MediaLeg[] legs = [];
    private IMediaTap[] taps = [];
    private long ticks;

    public Guid CallId { get; } = callId;

    public int SampleRate { get; } = sampleRate;

    public int SamplesPerFrame => mixer.SamplesPerFrame;

    /// <summary>The caller hears hold music instead of the counsellor, and the counsellor hears nothing of the caller.</summary>
    public bool Held { get; set; }

    public long Ticks => Interlocked.Read(ref ticks);

    public IReadOnlyList<MediaLeg> Legs => Volatile.Read(ref legs);

    /// <summary>Keypad digits from the caller (events of the transport, or detected in-band by it).</summary>
    public event Action<char>? DtmfReceived;

    public void Add(MediaLeg leg)
    {
        lock (gate)
        {
            Volatile.Write(ref legs, [.. legs, leg]);
        }
    }

    public bool Remove(MediaLeg leg)
    {
        bool removed;
        lock (gate)
        {
            removed = legs.Contains(leg);
            Volatile.Write(ref legs, [.. legs.Where(l => l != leg)]);
        }

        leg.Close();
        return removed;
    }

    public void AddTap(IMediaTap tap)
    {
        lock (gate)
        {
            Volatile.Write(ref taps, [.. taps, tap]);
        }
    }

    public void RemoveTap(IMediaTap tap)
    {
        lock (gate)
        {
            Volatile.Write(ref taps, [.. taps.Where(t => t != tap)]);
        }

        tap.OnEnded();
    }

    public void RaiseDtmf(char digit) => DtmfReceived?.Invoke(digit);

    /// <summary>One 20 ms step; called by the media clock only.</summary>
    internal void Tick()
    {
        var legs = Volatile.Read(ref this.legs);
        var taps = Volatile.Read(ref this.taps);
        var tick = Interlocked.Increment(ref ticks);
        if (legs.Length == 0)
        {
            return;
        }

        var inputs = new short[]?[legs.Length];
        for (var i = 0; i < legs.Length; i++)
        {
            inputs[i] = legs[i].TakeInput();
        }

        var outputs = new short[legs.Length][];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new short[SamplesPerFrame];
        }

        var held = Held;
        mixer.Mix(inputs, (listener, speaker) => Hears(legs[listener].Role, legs[speaker].Role, held), outputs, new bool[legs.Length]);
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i].Deliver(outputs[i]);
        }

        if (taps.Length > 0)
        {
            var frames = new TappedFrame[legs.Length];
            for (var i = 0; i < legs.Length; i++)
            {
                frames[i] = new TappedFrame(legs[i].Id, legs[i].Role, legs[i].UserId, inputs[i]);
            }

            foreach (var tap in taps)
            {
                tap.OnTick(tick, frames);
            }
        }
    }

    /// <summary>The hearing rules of a call (docs/voice.md, "Who hears whom").</summary>
    public static bool Hears(LegRole listener, LegRole speaker, bool held) => (listener, speaker) switch
    {
        (_, LegRole.Speaker) => listener == LegRole.Caller,
        (LegRole.Speaker, _) => false,
        (LegRole.Caller, LegRole.Agent or LegRole.Barge) => !held,
        (LegRole.Caller, _) => false,
        (LegRole.Agent, LegRole.Caller) => !held,
        (LegRole.Agent, LegRole.Whisper or LegRole.Barge or LegRole.Consult) => true,
        (LegRole.Consult, LegRole.Agent) => true,
        (LegRole.Listen or LegRole.Whisper or LegRole.Barge, LegRole.Caller or LegRole.Agent or LegRole.Consult) => true,
        _ => false,
    };
}
