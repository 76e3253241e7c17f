using System.Security.Cryptography;
using System.Text;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Speech;

/// <summary>
/// A disk cache in front of an engine, keyed by engine, voice and text (SHA-256), under the data directory: the same
/// sentence is synthesised once per installation and engine, and a change of engine or voice never plays an old
/// recording. Prompts and menu texts hold no personal data; sentences that do (a caller's number read back) are
/// not cached (<see cref="Uncached"/>).
/// </summary>
public sealed class CachedTextToSpeech(ITextToSpeech engine, string directory) : ITextToSpeech
{
    public string Name => engine.Name;

    /// <summary>The engine itself, for sentences that must not be kept on disk.</summary>
    public ITextToSpeech Uncached => engine;

    public static string Key(string engineName, string voice, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(engineName + "\u001f" + voice + "\u001f" + text)));

    public async Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var key = Key(engine.Name, voice, text);
        var path = Path.Combine(directory, key + ".wav");
        if (File.Exists(path))
        {
            try
            {
                var (samples, rate, _) = Wav.Read(await File.ReadAllBytesAsync(path, cancellationToken));
                return new SpeechAudio(samples, rate);
            }
            catch (FormatException)
            {
                File.Delete(path);
            }
        }

        var audio = await engine.SynthesizeAsync(text, voice, cancellationToken);
        if (audio is not null)
        {
            Directory.CreateDirectory(directory);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, [.. Wav.Header(audio.SampleRate, 1, audio.Samples.Length * 2), .. Pcm.ToBytes(audio.Samples)], cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        return audio;
    }
}
