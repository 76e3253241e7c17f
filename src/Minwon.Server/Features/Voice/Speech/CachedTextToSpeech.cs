using System.Security.Cryptography;
using System.Text;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Speech;

/// <summary>
/// A disk cache in front of an engine, keyed by voice and text (SHA-256), under the data directory: the same sentence
/// is synthesised once per installation. Announcements hold no personal data, so the cache needs no protection.
/// </summary>
public sealed class CachedTextToSpeech(ITextToSpeech engine, string directory) : ITextToSpeech
{
    public async Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(voice + "\u001f" + text)));
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
