using NAudio.Dsp;

namespace Minwon.Core.Voice;

/// <summary>
/// Streams 20 ms PCM16 frames from one rate to another: one frame in, one frame out. Built on NAudio's managed WDL
/// resampler (input-driven feed mode), with a FIFO that is primed with the resampler's start-up shortfall so every
/// input frame yields exactly one output frame and the only added delay is the filter's own.
/// Not thread-safe; one per leg direction.
/// </summary>
public sealed class FrameResampler
{
    private readonly WdlResampler wdl = new();
    private readonly float[] resampled;
    private readonly Queue<short> fifo = new();
    private bool primed;

    public FrameResampler(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 8000);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 8000);
        FromRate = fromRate;
        ToRate = toRate;
        // Interpolating with two IIR low-pass stages (NAudio's default for WdlResamplingSampleProvider): cheap enough
        // for hundreds of legs and clean for speech; the sinc mode costs about ten times more.
        wdl.SetMode(true, 2, false);
        wdl.SetFilterParms();
        wdl.SetFeedMode(true);
        wdl.SetRates(fromRate, toRate);
        resampled = new float[Pcm.SamplesPerFrame(toRate) * 2 + 64];
    }

    public int FromRate { get; }

    public int ToRate { get; }

    /// <summary>Resamples one input frame; returns one output frame (silence until the filter has produced enough).</summary>
    public short[] Process(ReadOnlySpan<short> input)
    {
        var outFrame = Pcm.SamplesPerFrame(ToRate);
        var needed = wdl.ResamplePrepare(input.Length, 1, out var inBuffer, out var inOffset);
        var count = Math.Min(needed, input.Length);
        for (var i = 0; i < count; i++)
        {
            inBuffer[inOffset + i] = input[i] / 32768f;
        }

        var produced = wdl.ResampleOut(resampled, 0, count, resampled.Length, 1);
        if (!primed)
        {
            primed = true;
            for (var i = produced; i < outFrame; i++)
            {
                fifo.Enqueue(0);
            }
        }

        for (var i = 0; i < produced; i++)
        {
            fifo.Enqueue(Pcm.Saturate((int)MathF.Round(resampled[i] * 32768f)));
        }

        var frame = new short[outFrame];
        for (var i = 0; i < outFrame && fifo.Count > 0; i++)
        {
            frame[i] = fifo.Dequeue();
        }

        return frame;
    }
}
