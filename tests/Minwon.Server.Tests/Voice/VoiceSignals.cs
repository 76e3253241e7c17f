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
        var scores = new List<double>();
        for (var i = 0; i + piece <= sent.Length; i += piece)
        {
            var part = sent.AsSpan(i, piece).ToArray();
            if (!Pcm.IsSilent(part, -40))
            {
                scores.Add(CrossCorrelation(part, received));
            }
        }

        if (scores.Count == 0)
        {
            return 0;
        }

        scores.Sort();
        return scores[scores.Count / 2];
    }

    /// <summary>
    /// The best normalised cross-correlation of <paramref name="sent"/> within <paramref name="received"/>, over every
    /// lag: 1 is an exact (scaled) copy, speech against unrelated audio stays well below 0.3.
    /// </summary>
    public static double CrossCorrelation(short[] sent, short[] received)
    {
        if (received.Length < sent.Length)
        {
            return 0;
        }

        double sentEnergy = 0;
        foreach (var s in sent)
        {
            sentEnergy += (double)s * s;
        }

        // Running energy of the received window.
        double windowEnergy = 0;
        for (var i = 0; i < sent.Length; i++)
        {
            windowEnergy += (double)received[i] * received[i];
        }

        var best = 0.0;
        for (var lag = 0; lag + sent.Length <= received.Length; lag++)
        {
            if (lag > 0)
            {
                double leaving = received[lag - 1], entering = received[lag + sent.Length - 1];
                windowEnergy += entering * entering - leaving * leaving;
            }

            if (windowEnergy <= 1 || sentEnergy <= 1)
            {
                continue;
            }

            double dot = 0;
            for (var i = 0; i < sent.Length; i += 2)
            {
                dot += (double)sent[i] * received[lag + i];
            }

            var r = 2 * dot / Math.Sqrt(sentEnergy * windowEnergy);
            best = Math.Max(best, r);
        }

        return best;
    }
}
