using System.Threading.Channels;
using Minwon.Core.Speech;
using Minwon.Server.Features.Voice.Media;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>
/// The callbot's ear for barge-in: a tap on the bridge that runs a voice activity detector over the caller's leg and
/// tells the dialog when the caller starts and stops speaking. On the media clock it only enqueues (bounded, oldest
/// dropped); detection runs on its own task. The transcript of what was said comes from the speech engine.
/// </summary>
public sealed class BargeInTap : IMediaTap
{
    private readonly Channel<short[]> frames = Channel.CreateBounded<short[]>(new BoundedChannelOptions(250)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = true,
    });

    private readonly VoiceActivityDetector detector;
    private readonly Action started;
    private readonly Action ended;

    public BargeInTap(int sampleRate, Action started, Action ended)
    {
        detector = new VoiceActivityDetector(sampleRate);
        this.started = started;
        this.ended = ended;
        Completion = Task.Run(RunAsync);
    }

    public Task Completion { get; }

    public bool InSpeech { get; private set; }

    public void OnTick(long tick, ReadOnlySpan<TappedFrame> tapped)
    {
        foreach (var f in tapped)
        {
            if (f.Role == LegRole.Caller)
            {
                // A missing frame (nothing arrived this tick) is silence for the detector.
                frames.Writer.TryWrite(f.Frame ?? []);
            }
        }
    }

    public void OnEnded() => frames.Writer.TryComplete();

    private async Task RunAsync()
    {
        var events = new List<VadEvent>();
        short[]? silence = null;
        await foreach (var frame in frames.Reader.ReadAllAsync())
        {
            events.Clear();
            if (frame.Length == 0)
            {
                silence ??= new short[detector.SampleRate / 50];
                detector.Process(silence, events);
            }
            else
            {
                detector.Process(frame, events);
            }

            foreach (var e in events)
            {
                InSpeech = e.Kind == VadEventKind.Started;
                (InSpeech ? started : ended)();
            }
        }
    }
}
