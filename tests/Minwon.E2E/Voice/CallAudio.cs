using System.Diagnostics;
using Microsoft.Playwright;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.E2E.Voice;

/// <summary>
/// Audio for the browser call tests: Korean speech files made with espeak-ng (the fake microphones play them), and what
/// a page played to its speaker, recorded inside the page by the call's AudioWorklet (wwwroot/voice/voice-link.js).
/// </summary>
public static class CallAudio
{
    public const int Rate = 16000;

    public const string NoEspeak = "espeak-ng (Debian package espeak-ng) is not installed: the browser call test speaks Korean through it.";

    /// <summary>A WAV of <paramref name="text"/> spoken by espeak-ng (Korean voice), or null when espeak-ng is missing.</summary>
    public static string? SpeechWav(string text, string directory, string name, int pitch = 50, int speed = 160)
    {
        var file = Path.Combine(directory, name + ".wav");
        try
        {
            var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-v", "ko", "-p", pitch.ToString(), "-s", speed.ToString(), "-w", file, text })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0 && File.Exists(file) ? file : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The speech of a WAV file at 16 kHz, to compare with what a page heard.</summary>
    public static short[] Load(string wav)
    {
        var (samples, rate, _) = Wav.Read(File.ReadAllBytes(wav));
        return PromptLibrary.Resample(samples, rate, Rate);
    }

    public static Task StartRecordingAsync(IPage page) =>
        page.EvaluateAsync("() => MinwonVoice.active[0].startRecordingPlayout()");

    /// <summary>What the page played since <see cref="StartRecordingAsync"/>, at 16 kHz.</summary>
    public static async Task<short[]> StopRecordingAsync(IPage page)
    {
        var recorded = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => MinwonVoice.active[0].stopRecordingPlayout()");
        var bytes = Convert.FromBase64String(recorded.GetProperty("pcm").GetString()!);
        return PromptLibrary.Resample(Pcm.FromBytes(bytes), recorded.GetProperty("sampleRate").GetInt32(), Rate);
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
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var heard = await ListenAsync(page, window);
            loudness = Pcm.Dbfs(heard);
            var score = Minwon.Server.Tests.Voice.VoiceSignals.Match(speech, heard, Rate);
            best = Math.Max(best, score);
            if (score > threshold && loudness > -45)
            {
                return score;
            }
        }

        Assert.Fail($"{what}: best correlation {best:F2} (needed {threshold}), last window {loudness:F1} dBFS, after {watch.Elapsed.TotalSeconds:F0} s");
        return best;
    }
}
