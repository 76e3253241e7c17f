using Microsoft.Extensions.Options;
using Whisper.net;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// Whisper.net (whisper.cpp) with the ggml model file the administrator set (<see cref="WhisperOptions.ModelPath"/>),
/// language forced to <see cref="SpeechOptions.Language"/>. The model is loaded once, on first use; each utterance gets
/// its own processor (whisper.cpp state is not shared between threads), at most <see cref="SpeechOptions.MaxConcurrent"/>
/// at a time (the caller's gate). Nothing is downloaded.
/// </summary>
public sealed class WhisperSpeechToText(IOptions<SpeechOptions> options) : ISpeechToText, IDisposable
{
    private readonly Lazy<WhisperFactory> factory = new(() => Load(options.Value.Whisper.ModelPath));

    public string Name => "whisper";

    public async Task<Recognition> TranscribeAsync(SpeechClip clip, CancellationToken cancellationToken)
    {
        WhisperFactory loaded;
        try
        {
            loaded = factory.Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SpeechEngineException("The Whisper model could not be loaded: " + ex.GetType().Name, ex);
        }

        var samples = To16KFloat(clip);
        var text = new System.Text.StringBuilder();
        try
        {
            // whisper.cpp reads the model file when the first processor is built: a bad file fails here.
            await using var processor = loaded.CreateBuilder()
                .WithLanguage(clip.Language)
                .WithThreads(Math.Max(1, options.Value.Whisper.Threads))
                .WithNoContext()
                .Build();
            await foreach (var segment in processor.ProcessAsync(samples, cancellationToken))
            {
                text.Append(segment.Text);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SpeechEngineException("Whisper failed (model file or runtime): " + ex.GetType().Name, ex);
        }

        return new Recognition(text.ToString().Trim());
    }

    private static WhisperFactory Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new FileNotFoundException("Minwon:Speech:Whisper:ModelPath does not name a model file.", path);
        }

        return WhisperFactory.FromPath(path);
    }

    /// <summary>Whisper takes 16 kHz float samples; phone audio (8 kHz) is resampled.</summary>
    private static float[] To16KFloat(SpeechClip clip)
    {
        var samples = Voice.Speech.PromptLibrary.Resample(clip.Samples, clip.SampleRate, 16000);
        var floats = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            floats[i] = samples[i] / 32768f;
        }

        return floats;
    }

    public void Dispose()
    {
        if (factory.IsValueCreated)
        {
            factory.Value.Dispose();
        }
    }
}
