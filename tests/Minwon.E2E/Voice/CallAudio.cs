using System.Diagnostics;
using Microsoft.Playwright;
using Minwon.Core.Voice;

namespace Minwon.E2E.Voice;

/// <summary>
/// Audio for the browser call tests: Korean speech files made with espeak-ng (the fake microphones play them), and what
/// a page played to its speaker, recorded inside the page by the call's AudioWorklet (wwwroot/voice/voice-link.js).
/// </summary>
public static class CallAudio
{
    public const int Rate = 16000;

    public const string NoEspeak = "espeak-ng and sox (Debian packages espeak-ng, sox) are needed: the browser call test speaks Korean through them.";

    /// <summary>
    /// A 16 kHz WAV of <paramref name="text"/> spoken by espeak-ng (Korean voice), converted by sox with its linear-phase
    /// rate conversion and half a second of silence after it (the fake microphone loops the file); null when either
    /// tool is missing. The test compares against this same file, so no resampler of its own stands between the two.
    /// </summary>
    public static string? SpeechWav(string text, string directory, string name, int pitch = 50, int speed = 160)
    {
        var spoken = Path.Combine(directory, name + "-espeak.wav");
        var file = Path.Combine(directory, name + ".wav");
        return Run("espeak-ng", "-v", "ko", "-p", pitch.ToString(), "-s", speed.ToString(), "-w", spoken, text)
            && Run("sox", spoken, "-r", Rate.ToString(), "-b", "16", "-c", "1", file, "pad", "0", "0.5")
            && File.Exists(file) ? file : null;
    }

    private static bool Run(string tool, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(60_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The samples of a 16 kHz WAV (the speech files above, or a shipped prompt).</summary>
    public static short[] Load(string wav)
    {
        var (samples, rate, _) = Wav.Read(File.ReadAllBytes(wav));
        return rate == Rate ? samples : ToRate(samples, rate);
    }

    /// <summary>
    /// Windowed-sinc (Blackman) resampling to 16 kHz: linear phase, so the waveform keeps its shape for the
    /// cross-correlation. The calls' own resampler (NAudio's WDL with IIR stages) bends the phase and would lower the
    /// scores of correct audio.
    /// </summary>
    public static short[] ToRate(short[] samples, int from)
    {
        if (from == Rate)
        {
            return samples;
        }

        var step = from / (double)Rate;
        var cutoff = Math.Min(1, Rate / (double)from) * 0.94;
        var taps = (int)Math.Ceiling(12 / cutoff);
        var output = new short[(int)(samples.LongLength * Rate / from)];
        for (var n = 0; n < output.Length; n++)
        {
            var t = n * step;
            var baseIndex = (int)Math.Floor(t);
            var acc = 0.0;
            for (var k = baseIndex - taps + 1; k <= baseIndex + taps; k++)
            {
                if (k < 0 || k >= samples.Length)
                {
                    continue;
                }

                var d = t - k;
                var x = Math.PI * cutoff * d;
                var window = 0.42 + 0.5 * Math.Cos(Math.PI * d / (taps + 1)) + 0.08 * Math.Cos(2 * Math.PI * d / (taps + 1));
                acc += samples[k] * (d == 0 ? cutoff : cutoff * Math.Sin(x) / x) * window;
            }

            output[n] = Pcm.Saturate((int)Math.Round(acc));
        }

        return output;
    }

    /// <summary>Keeps what a page heard beside the screenshots (a 16 kHz WAV), for a failure message to point at.</summary>
    public static string Save(short[] heard, string name)
    {
        Directory.CreateDirectory(Infrastructure.E2EFixture.ScreenshotDir);
        var file = Path.Combine(Infrastructure.E2EFixture.ScreenshotDir, name + ".wav");
        var bytes = Pcm.ToBytes(heard);
        File.WriteAllBytes(file, [.. Wav.Header(Rate, 1, bytes.Length), .. bytes]);
        return file;
    }

    /// <summary>The page's playout counters (buffered, dropped, underruns), for failure messages.</summary>
    public static Task<string> PlayoutStatsAsync(IPage page) =>
        page.EvaluateAsync<string>("async () => JSON.stringify(await MinwonVoice.active[0]?.stats())");

    public static Task StartRecordingAsync(IPage page) =>
        page.EvaluateAsync("() => MinwonVoice.active[0].startRecordingPlayout()");

    /// <summary>What the page played since <see cref="StartRecordingAsync"/>, at 16 kHz.</summary>
    public static async Task<short[]> StopRecordingAsync(IPage page)
    {
        var recorded = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => MinwonVoice.active[0].stopRecordingPlayout()");
        var bytes = Convert.FromBase64String(recorded.GetProperty("pcm").GetString()!);
        return ToRate(Pcm.FromBytes(bytes), recorded.GetProperty("sampleRate").GetInt32());
    }

    /// <summary>What the page plays over the next <paramref name="window"/>, at 16 kHz.</summary>
    public static async Task<short[]> ListenAsync(IPage page, TimeSpan window)
    {
        await StartRecordingAsync(page);
        await Task.Delay(window, TestContext.Current.CancellationToken);
        return await StopRecordingAsync(page);
    }

    /// <summary>
    /// Waits until the page plays <paramref name="speech"/> (loudness, and the per-piece cross-correlation of
    /// <see cref="Minwon.Server.Tests.Voice.VoiceSignals.Match"/> above <paramref name="threshold"/>), listening in
    /// windows a little longer than the speech; fails with the best score after <paramref name="seconds"/>. A slow
    /// machine gets more windows, not a weaker check.
    /// </summary>
    public static async Task<double> HearsAsync(IPage page, short[] speech, string what, double threshold = 0.6, double seconds = 90)
    {
        var window = TimeSpan.FromSeconds(speech.Length / (double)Rate + 1.5);
        var watch = Stopwatch.StartNew();
        var best = 0.0;
        var loudness = double.NegativeInfinity;
        short[] lastHeard = [];
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var heard = await ListenAsync(page, window);
            lastHeard = heard;
            loudness = Pcm.Dbfs(heard);
            var score = Minwon.Server.Tests.Voice.VoiceSignals.Match(speech, heard, Rate);
            best = Math.Max(best, score);
            if (score > threshold && loudness > -45)
            {
                return score;
            }
        }

        Assert.Fail($"{what}: heard in {Save(lastHeard, what.Replace(' ', '-'))}, playout {await PlayoutStatsAsync(page)}; best correlation {best:F2} (needed {threshold}), last window {loudness:F1} dBFS, after {watch.Elapsed.TotalSeconds:F0} s");
        return best;
    }
}
