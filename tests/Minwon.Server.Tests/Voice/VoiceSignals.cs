using System.Diagnostics;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Server.Tests.Voice;

/// <summary>Test audio: Korean speech from espeak-ng (when installed), tones, and the checks on what arrived.</summary>
public static class VoiceSignals
{
    /// <summary>Speech made by espeak-ng -v ko at the given rate, or null when espeak-ng is not installed.</summary>
    public static short[]? Speech(string text, int sampleRate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"minwon-speech-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-v", "ko", "-w", file, text })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            if (process.ExitCode != 0 || !File.Exists(file))
            {
                return null;
            }

            var (samples, rate, _) = Wav.Read(File.ReadAllBytes(file));
            return PromptLibrary.Resample(samples, rate, sampleRate);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static bool HasEspeak => Speech("네", 8000) is not null;

    public const string NoEspeak = "espeak-ng (Debian package espeak-ng) is not installed: the test speaks Korean through it.";

    public static short[] Tone(int frequency, int sampleRate, double seconds, double amplitude = 8000) =>
        Enumerable.Range(0, (int)(sampleRate * seconds)).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate))).ToArray();

    /// <summary>
    /// How well the received audio carries what was sent, as real-time media delivers it: the sent signal is cut into
    /// 400 ms pieces and each is found at its own best lag (a jitter buffer may conceal or trim a frame, which shifts
    /// everything after it by 20 ms); the median of the pieces' correlations. Silent pieces are left out.
    /// </summary>
    public static double Match(short[] sent, short[] received, int sampleRate)
    {
        var piece = sampleRate * 2 / 5;
        var search = new LagSearch(received, piece);
        var scores = new List<double>();
        for (var i = 0; i + piece <= sent.Length; i += piece)
        {
            var part = sent.AsSpan(i, piece).ToArray();
            if (!Pcm.IsSilent(part, -40))
            {
                scores.Add(search.Best(part));
            }
        }

        if (scores.Count == 0)
        {
            return 0;
        }

        scores.Sort();
        return scores[scores.Count / 2];
    }

    /// <summary>The best normalised cross-correlation of <paramref name="sent"/> anywhere in <paramref name="received"/> (1 = an exact, scaled copy).</summary>
    public static double CrossCorrelation(short[] sent, short[] received) => new LagSearch(received, sent.Length).Best(sent);

    /// <summary>
    /// Finds candidate lags on a 4× decimated copy of both signals (cheap), then computes the exact normalised
    /// correlation around the best few at the full rate. Windows of the received signal below −50 dBFS count as
    /// silence and never match.
    /// </summary>
    private sealed class LagSearch
    {
        private const int Step = 4;
        private readonly short[] received;
        private readonly double[] coarse;
        private readonly double[] prefix;
        private readonly double[] coarsePrefix;

        public LagSearch(short[] received, int length)
        {
            this.received = received;
            coarse = Decimate(received);
            prefix = Prefix(received.Select(v => (double)v).ToArray());
            coarsePrefix = Prefix(coarse);
        }

        public double Best(short[] sent)
        {
            var lags = received.Length - sent.Length;
            if (lags < 0)
            {
                return 0;
            }

            var floor = sent.Length * 10737.0;
            var coarseSent = Decimate(sent);
            var coarseLags = coarse.Length - coarseSent.Length;
            var candidates = new PriorityQueue<int, double>();
            for (var lag = 0; lag <= coarseLags; lag++)
            {
                var energy = coarsePrefix[lag + coarseSent.Length] - coarsePrefix[lag];
                if (energy <= 0)
                {
                    continue;
                }

                double dot = 0;
                for (var i = 0; i < coarseSent.Length; i++)
                {
                    dot += coarseSent[i] * coarse[lag + i];
                }

                candidates.Enqueue(lag, dot / Math.Sqrt(energy));
                if (candidates.Count > 6)
                {
                    candidates.Dequeue();
                }
            }

            double sentEnergy = 0;
            foreach (var v in sent)
            {
                sentEnergy += (double)v * v;
            }

            var best = 0.0;
            while (candidates.TryDequeue(out var center, out _))
            {
                for (var lag = Math.Max(0, center * Step - Step - 2); lag <= Math.Min(lags, center * Step + Step + 2); lag++)
                {
                    var energy = prefix[lag + sent.Length] - prefix[lag];
                    if (energy < floor || sentEnergy <= 0)
                    {
                        continue;
                    }

                    double dot = 0;
                    for (var i = 0; i < sent.Length; i++)
                    {
                        dot += (double)sent[i] * received[lag + i];
                    }

                    best = Math.Max(best, dot / Math.Sqrt(sentEnergy * energy));
                }
            }

            return best;
        }

        private static double[] Decimate(short[] samples)
        {
            var coarse = new double[samples.Length / Step];
            for (var i = 0; i < coarse.Length; i++)
            {
                double sum = 0;
                for (var k = 0; k < Step; k++)
                {
                    sum += samples[i * Step + k];
                }

                coarse[i] = sum / Step;
            }

            return coarse;
        }

        private static double[] Prefix(double[] values)
        {
            var prefix = new double[values.Length + 1];
            for (var i = 0; i < values.Length; i++)
            {
                prefix[i + 1] = prefix[i] + values[i] * values[i];
            }

            return prefix;
        }
    }
}
