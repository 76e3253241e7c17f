using Minwon.Core.Speech;
using Minwon.Core.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// `minwon voice vad FILE.wav`: one JSON line per speech segment, <c>{"startMs": int, "endMs": int}</c>, for tuning
/// and for checking the detector from outside. Mono PCM16 WAV at 8 or 16 kHz is read as it is; other rates from 8 to
/// 48 kHz are resampled to 16 kHz first (the detector was tuned at 8 and 16 kHz). Anything else (not a WAV, not
/// 16-bit PCM, more than one channel, a rate outside 8-48 kHz) is refused with a message and exit code 2.
/// </summary>
public static class DetectSpeech
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        short[] samples;
        int rate;
        try
        {
            (samples, rate) = ReadMono(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: {path}: cannot read the file ({ex.GetType().Name}).");
            return BadInput;
        }
        catch (FormatException ex)
        {
            await errors.WriteLineAsync($"error: {path}: {ex.Message}");
            return BadInput;
        }

        foreach (var segment in VoiceActivityDetector.Detect(samples, rate))
        {
            await output.WriteLineAsync($"{{\"startMs\": {segment.StartMs}, \"endMs\": {segment.EndMs}}}");
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>The samples at 8 or 16 kHz; throws <see cref="FormatException"/> with a reason for anything else.</summary>
    public static (short[] Samples, int SampleRate) ReadMono(byte[] file)
    {
        var (samples, rate, channels) = Wav.Read(file);
        if (channels != 1)
        {
            throw new FormatException($"The WAV file has {channels} channels; give one channel (mono), e.g. `sox in.wav -c 1 out.wav`.");
        }

        return rate switch
        {
            8000 or 16000 => (samples, rate),
            >= 8000 and <= 48000 => (PromptLibrary.Resample(samples, rate, 16000), 16000),
            _ => throw new FormatException($"The sample rate is {rate} Hz; 8 or 16 kHz is expected (8 to 48 kHz is resampled to 16 kHz)."),
        };
    }
}
