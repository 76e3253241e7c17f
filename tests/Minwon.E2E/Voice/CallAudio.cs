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
}
