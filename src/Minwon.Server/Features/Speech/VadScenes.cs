using System.ComponentModel;
using System.Diagnostics;
using Minwon.Core.Speech;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Speech;

/// <summary>A scene's audio and where its utterances truly are (first and last non-silent sample of each).</summary>
public sealed record VadScene(string Id, int SampleRate, short[] Samples, IReadOnlyList<SpeechSegment> Truths);

/// <summary>
/// Builds the scenes of a <see cref="VadSet"/>: each sentence is spoken by espeak-ng (-v ko) and resampled by sox,
/// trimmed to its sounding part (the truth: see Sounding), placed after silences of random length, and mixed
/// with noise made by sox (or here: mains hum, modulated street noise) at the scene's SNR. Needs espeak-ng and sox.
/// </summary>
public sealed class VadScenes(string workDirectory)
{
    /// <summary>|sample| at or above this is sound (about -66 dBFS): where an utterance truly starts and ends.</summary>
    public const int SoundThreshold = 16;

    /// <summary>Frames within this range of an utterance's loudest 10 ms frame are part of it.</summary>
    public const double SoundRangeDb = 50;

    public const string Missing = "espeak-ng and sox (Debian packages espeak-ng, sox) are needed to build VAD test audio.";

    private readonly Dictionary<(string, int, int, int), short[]> spoken = [];

    public static bool ToolsInstalled => Exists("espeak-ng", "--version") && Exists("sox", "--version");

    public IEnumerable<VadScene> Build(VadSet set)
    {
        for (var i = 0; i < set.Scenes.Count; i++)
        {
            yield return Build(set, i);
        }
    }

    public VadScene Build(VadSet set, int index)
    {
        var spec = set.Scenes[index];
        var random = new Random(set.Seed * 1000 + index);
        var count = spec.Utterances ?? set.UtterancesPerScene;
        var rate = spec.Rate;
        var clips = Enumerable.Range(0, count)
            .Select(k => Utterance(set, spec, index, k))
            .ToList();

        var truths = new List<SpeechSegment>();
        var audio = new List<short>();
        audio.AddRange(new short[(int)(spec.LeadMs * (long)rate / 1000)]);
        var gain = Math.Pow(10, spec.GainDb / 20);
        for (var k = 0; k < clips.Count; k++)
        {
            if (k > 0)
            {
                audio.AddRange(new short[(int)(random.Next(spec.MinGapMs, spec.MaxGapMs + 1) * (long)rate / 1000)]);
            }

            var start = audio.Count;
            var (clip, dryLength) = clips[k];
            audio.AddRange(clip.Select(s => Pcm.Saturate((int)Math.Round(s * gain))));
            truths.Add(new SpeechSegment(start * 1000L / rate, (long)Math.Ceiling((start + dryLength) * 1000.0 / rate)));
        }

        audio.AddRange(new short[(int)(spec.TailMs * (long)rate / 1000)]);
        var speech = audio.ToArray();
        if (spec.Noise != "none")
        {
            var noise = Noise(spec.Noise, rate, speech.Length);
            if (spec.SwellDb > 0)
            {
                for (var i = 0; i < noise.Length; i++)
                {
                    var db = spec.SwellDb / 2 * Math.Sin(2 * Math.PI * i / (rate * spec.SwellSeconds));
                    noise[i] = Pcm.Saturate((int)(noise[i] * Math.Pow(10, db / 20)));
                }
            }

            var noisePower = Power(noise, 0, noise.Length);
            var speechPower = truths.Average(t => Power(speech, (int)(t.StartMs * rate / 1000), (int)(t.EndMs * rate / 1000)));
            var targetPower = spec.NoiseDbfs is { } dbfs
                ? Math.Pow(32768 * Math.Pow(10, dbfs / 20), 2)
                : speechPower / Math.Pow(10, (spec.SnrDb ?? 20) / 10);
            var scale = Math.Sqrt(targetPower / Math.Max(noisePower, 1e-9));
            for (var i = 0; i < speech.Length; i++)
            {
                speech[i] = Pcm.Saturate((int)Math.Round(speech[i] + noise[i] * scale));
            }
        }

        if (spec.Telephone)
        {
            speech = Telephone(speech, rate);
        }

        return new VadScene(spec.Id, rate, speech, truths);
    }

    /// <summary>One utterance (one sentence, or two with an inner pause), reverberated if asked; and its dry length.</summary>
    private (short[] Clip, int DryLength) Utterance(VadSet set, VadSceneSpec spec, int index, int k)
    {
        var n = set.Sentences.Count;
        var first = (index * set.UtterancesPerScene + k) % n;
        var clip = Speak(set.Sentences[first], spec.Speed, spec.Pitch, spec.Voice, spec.Rate);
        if (spec.InnerPauseMs > 0)
        {
            var second = Speak(set.Sentences[(first + n / 2) % n], spec.Speed, spec.Pitch, spec.Voice, spec.Rate);
            clip = [.. clip, .. new short[spec.InnerPauseMs * spec.Rate / 1000], .. second];
        }

        if (spec.ReverbPercent <= 0)
        {
            return (clip, clip.Length);
        }

        var wet = Sox(clip, spec.Rate, [], ["pad", "0", "0.6", "reverb", spec.ReverbPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return (wet, clip.Length);
    }

    /// <summary>A telephone channel: 300-3400 Hz band (sox sinc) and G.711 μ-law coding and decoding.</summary>
    private short[] Telephone(short[] samples, int rate)
    {
        var band = Sox(samples, rate, [], ["sinc", "300-3400"]);
        return Sox(band, rate, ["-e", "u-law", "-b", "8"], []);
    }

    /// <summary>Runs PCM16 through sox (output encoding options, then effects) and reads the result back as PCM16.</summary>
    private short[] Sox(short[] samples, int rate, string[] encoding, string[] effects)
    {
        Directory.CreateDirectory(workDirectory);
        var input = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".in.wav");
        var middle = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".mid.wav");
        var output = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".out.wav");
        try
        {
            var bytes = new byte[samples.Length * 2];
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).CopyTo(bytes);
            File.WriteAllBytes(input, [.. Wav.Header(rate, 1, bytes.Length), .. bytes]);
            Run("sox", [input, .. encoding, middle, .. effects]);
            Run("sox", middle, "-e", "signed-integer", "-b", "16", output);
            var (result, _, _) = Wav.Read(File.ReadAllBytes(output));
            return result;
        }
        finally
        {
            File.Delete(input);
            File.Delete(middle);
            File.Delete(output);
        }
    }

    private static double Power(short[] samples, int from, int to)
    {
        double sum = 0;
        for (var i = from; i < Math.Min(to, samples.Length); i++)
        {
            sum += (double)samples[i] * samples[i];
        }

        return sum / Math.Max(1, to - from);
    }

    private short[] Speak(string text, int speed, int pitch, string? voice, int rate)
    {
        if (spoken.TryGetValue((text + "|" + voice, speed, pitch, rate), out var cached))
        {
            return cached;
        }

        Directory.CreateDirectory(workDirectory);
        var raw = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".raw.wav");
        var converted = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            Run("espeak-ng", "-v", voice is null ? "ko" : "ko+" + voice, "-s", speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-p", pitch.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", raw, text);
            Run("sox", raw, "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "16", "-c", "1", converted);
            var (samples, _, _) = Wav.Read(File.ReadAllBytes(converted));
            var (first, last) = Sounding(samples, rate);
            var clip = first < 0 ? [] : samples[first..(last + 1)];
            spoken[(text + "|" + voice, speed, pitch, rate)] = clip;
            return clip;
        }
        finally
        {
            File.Delete(raw);
            File.Delete(converted);
        }
    }

    /// <summary>
    /// Where an utterance truly is: from the first to the last 10 ms frame within <see cref="SoundRangeDb"/> of its
    /// loudest frame, narrowed to the first and last sample at or above <see cref="SoundThreshold"/>. Some espeak-ng
    /// voices (f2-f4, m2) end on a breath at -40 dBFS and then 150 ms of residue at -65 to -77 dBFS: the breath is part
    /// of the utterance, the inaudible residue is not (and would otherwise lengthen inner pauses).
    /// </summary>
    public static (int First, int Last) Sounding(short[] samples, int rate)
    {
        var hop = rate / 100;
        var frames = samples.Length / hop;
        var levels = new double[frames];
        for (var f = 0; f < frames; f++)
        {
            levels[f] = 10 * Math.Log10(Power(samples, f * hop, (f + 1) * hop) + 1e-3);
        }

        var loud = frames == 0 ? 0 : levels.Max() - SoundRangeDb;
        var firstFrame = Array.FindIndex(levels, l => l >= loud);
        var lastFrame = Array.FindLastIndex(levels, l => l >= loud);
        if (firstFrame < 0)
        {
            return (-1, -1);
        }

        var first = Array.FindIndex(samples, firstFrame * hop, hop, s => Math.Abs((int)s) >= SoundThreshold);
        var last = Array.FindLastIndex(samples, (lastFrame + 1) * hop - 1, hop, s => Math.Abs((int)s) >= SoundThreshold);
        return (first < 0 ? firstFrame * hop : first, last < 0 ? (lastFrame + 1) * hop - 1 : last);
    }

    private short[] Noise(string kind, int rate, int length)
    {
        var seconds = (length / (double)rate + 0.1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        short[] Synth(string what)
        {
            var file = Path.Combine(workDirectory, Guid.NewGuid().ToString("N") + ".wav");
            try
            {
                // -R: repeatable (fixed seed), so a set's audio is the same on every run.
                Run("sox", "-R", "-n", "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "16", "-c", "1", file,
                    "synth", seconds, what, "vol", "0.5");
                var (samples, _, _) = Wav.Read(File.ReadAllBytes(file));
                return samples.Length >= length ? samples[..length] : [.. samples, .. new short[length - samples.Length]];
            }
            finally
            {
                File.Delete(file);
            }
        }

        switch (kind)
        {
            case "white":
                return Synth("whitenoise");
            case "pink":
                return Synth("pinknoise");
            case "brown":
                return Synth("brownnoise");
            case "hum":
            {
                // Mains hum (60 Hz and harmonics) over a little hiss: a badly earthed line.
                var hiss = Synth("whitenoise");
                var hum = new short[length];
                for (var i = 0; i < length; i++)
                {
                    var t = i / (double)rate;
                    hum[i] = Pcm.Saturate((int)(6000 * Math.Sin(2 * Math.PI * 60 * t) + 3000 * Math.Sin(2 * Math.PI * 120 * t)
                        + 2000 * Math.Sin(2 * Math.PI * 180 * t) + 1000 * Math.Sin(2 * Math.PI * 300 * t) + hiss[i] * 0.15));
                }

                return hum;
            }

            case "street":
            {
                // Traffic: rumble and hiss swelling and fading every few seconds.
                var pink = Synth("pinknoise");
                var brown = Synth("brownnoise");
                var street = new short[length];
                for (var i = 0; i < length; i++)
                {
                    var t = i / (double)rate;
                    var swell = 1 + 0.7 * Math.Sin(2 * Math.PI * 0.23 * t) * Math.Sin(2 * Math.PI * 0.07 * t);
                    street[i] = Pcm.Saturate((int)(swell * (0.6 * pink[i] + 0.6 * brown[i])));
                }

                return street;
            }

            default:
                throw new FormatException($"Unknown noise kind '{kind}' (none, white, pink, brown, hum, street).");
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {errors.GetAwaiter().GetResult()}");
        }
    }

    private static bool Exists(string program, string arg)
    {
        try
        {
            Run(program, arg);
            return true;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
