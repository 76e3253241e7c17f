using NAudio.Dsp;

namespace Minwon.Core.Speech;

/// <summary>
/// Cuts PCM16 into 10 ms hops and measures each over a 20 ms Hann window: the log energy of a few speech bands
/// (100-300, 300-600, 600-1200, 1200-2400, 2400-3800 Hz, and 3800-7600 Hz at 16 kHz), the level in dBFS and the
/// zero-crossing rate. Band energies let the detector compare each band with its own noise floor, so coloured noise
/// (traffic rumble, hiss) hides speech only in the bands it covers. FFT: NAudio's.
/// </summary>
internal sealed class BandAnalyzer
{
    private static readonly double[] Edges8K = [100, 300, 600, 1200, 2400, 3800];
    private static readonly double[] Edges16K = [100, 300, 600, 1200, 2400, 3800, 7600];

    private readonly float[] window;
    private readonly short[] history;
    private readonly Complex[] fft;
    private readonly int[] bandStart;
    private readonly int[] bandEnd;
    private readonly int log2;
    private int filled;

    public BandAnalyzer(int sampleRate)
    {
        if (sampleRate is < 8000 or > 48000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The detector works at 8 to 48 kHz.");
        }

        SampleRate = sampleRate;
        Hop = sampleRate / 100;
        var length = Hop * 2;
        var size = 1;
        while (size < length)
        {
            size <<= 1;
            log2++;
        }

        window = new float[length];
        for (var i = 0; i < length; i++)
        {
            window[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (length - 1)));
        }

        history = new short[length];
        fft = new Complex[size];
        var edges = sampleRate >= 16000 ? Edges16K : Edges8K;
        Bands = edges.Length - 1;
        bandStart = new int[Bands];
        bandEnd = new int[Bands];
        for (var b = 0; b < Bands; b++)
        {
            bandStart[b] = (int)Math.Round(edges[b] * size / sampleRate);
            bandEnd[b] = Math.Max(bandStart[b] + 1, (int)Math.Round(edges[b + 1] * size / sampleRate));
        }
    }

    public int SampleRate { get; }

    /// <summary>Samples per 10 ms hop.</summary>
    public int Hop { get; }

    public int Bands { get; }

    /// <summary>Analyses one hop of <see cref="Hop"/> samples; writes band energies (dB) and returns level and crossings.</summary>
    public (double Dbfs, double ZeroCrossingRate) Analyze(ReadOnlySpan<short> hop, Span<double> bandDb)
    {
        history.AsSpan(Hop).CopyTo(history);
        hop.CopyTo(history.AsSpan(history.Length - Hop));
        filled = Math.Min(history.Length, filled + Hop);

        double sum = 0;
        var crossings = 0;
        for (var i = 0; i < hop.Length; i++)
        {
            sum += (double)hop[i] * hop[i];
            if (i > 0 && (hop[i] >= 0) != (hop[i - 1] >= 0))
            {
                crossings++;
            }
        }

        var rms = Math.Sqrt(sum / hop.Length);
        var dbfs = rms <= 0.5 ? -120 : 20 * Math.Log10(rms / 32768.0);

        for (var i = 0; i < fft.Length; i++)
        {
            fft[i].X = i < history.Length ? history[i] / 32768f * window[i] : 0f;
            fft[i].Y = 0f;
        }

        FastFourierTransform.FFT(true, log2, fft);
        for (var b = 0; b < Bands; b++)
        {
            double energy = 0;
            for (var k = bandStart[b]; k < bandEnd[b]; k++)
            {
                energy += (double)fft[k].X * fft[k].X + (double)fft[k].Y * fft[k].Y;
            }

            // Per bin, so bands of different widths compare on one scale; the tiny offset keeps silence finite.
            bandDb[b] = 10 * Math.Log10(energy / (bandEnd[b] - bandStart[b]) + 1e-16);
        }

        return (dbfs, (double)crossings / hop.Length);
    }
}
