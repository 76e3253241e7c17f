using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Speech;

/// <summary>espeak-ng on the command line (`espeak-ng -v ko --stdout TEXT`), WAV read from its standard output.</summary>
public sealed partial class EspeakTextToSpeech(IOptions<VoiceOptions> options, ILogger<EspeakTextToSpeech> logger) : ITextToSpeech
{
    private int missing;

    public string Name => "espeak-ng";

    /// <summary>The program was not found (the shipped prompts speak instead); shown on the callbot settings page.</summary>
    public bool Missing => Volatile.Read(ref missing) == 1;

    public async Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref missing) == 1 || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var start = new ProcessStartInfo(options.Value.Tts.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", voice, "-s", "165", "--stdout", text })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("espeak-ng did not start.");
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await Task.WhenAll(copy, errors, process.WaitForExitAsync(cancellationToken));
            if (process.ExitCode != 0 || output.Length < Wav.HeaderSize)
            {
                LogFailed(logger, process.ExitCode);
                return null;
            }

            var (samples, rate, _) = Wav.Read(FixStreamedSizes(output.ToArray()));
            return new SpeechAudio(samples, rate);
        }
        catch (Win32Exception)
        {
            // Not installed: say so once, then use the shipped prompts without trying again.
            if (Interlocked.Exchange(ref missing, 1) == 0)
            {
                LogMissing(logger, options.Value.Tts.Command);
            }

            return null;
        }
        catch (FormatException)
        {
            LogFailed(logger, -1);
            return null;
        }
    }

    // Written to a pipe, espeak-ng cannot seek back to fill in the RIFF and data sizes; they are left at 0 or -1.
    internal static byte[] FixStreamedSizes(byte[] wav)
    {
        var dataAt = wav.AsSpan().IndexOf("data"u8);
        if (dataAt > 0 && dataAt + 8 <= wav.Length)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(wav.Length - 8));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(dataAt + 4), (uint)(wav.Length - dataAt - 8));
        }

        return wav;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text-to-speech program {Command} is not installed; the shipped prompts are used and dynamic announcements are skipped")]
    private static partial void LogMissing(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "espeak-ng failed (exit code {ExitCode}); the announcement is skipped")]
    private static partial void LogFailed(ILogger logger, int exitCode);
}
