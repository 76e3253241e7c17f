using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Voice.Speech;

/// <summary>
/// An OpenAI-compatible speech endpoint (OpenAI, or self-hosted servers speaking <c>POST /v1/audio/speech</c>):
/// JSON <c>{"model","input","voice","response_format":"wav"}</c>, the answer is the WAV. An error status, a body that
/// is not a PCM16 WAV, a timeout or an unreachable server: logged, null (the next engine speaks).
/// </summary>
public sealed partial class OpenAiTextToSpeech(HttpClient http, IOptions<VoiceOptions> options, ILogger<OpenAiTextToSpeech> logger) : ITextToSpeech
{
    /// <summary>Longest input sent (OpenAI's limit is 4096 characters).</summary>
    public const int MaxInputLength = 4096;

    public string Name => $"openai:{options.Value.Tts.OpenAi.Model}:{options.Value.Tts.OpenAi.Voice}";

    public async Task<SpeechAudio?> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var o = options.Value.Tts.OpenAi;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(o.Url, UriKind.Absolute, out var url))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new SpeechRequest(o.Model, text.Length > MaxInputLength ? text[..MaxInputLength] : text, o.Voice, "wav")),
        };
        if (o.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            // Wav.Read keeps the first channel of a stereo answer.
            var (samples, rate, _) = Wav.Read(EspeakTextToSpeech.FixStreamedSizes(body));
            return samples.Length == 0 ? null : new SpeechAudio(samples, rate);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, o.TimeoutSeconds);
            return null;
        }
        catch (HttpRequestException)
        {
            LogFailed(logger, 0);
            return null;
        }
        catch (FormatException)
        {
            LogFailed(logger, -1);
            return null;
        }
    }

    private sealed record SpeechRequest(
        [property: System.Text.Json.Serialization.JsonPropertyName("model")] string Model,
        [property: System.Text.Json.Serialization.JsonPropertyName("input")] string Input,
        [property: System.Text.Json.Serialization.JsonPropertyName("voice")] string Voice,
        [property: System.Text.Json.Serialization.JsonPropertyName("response_format")] string ResponseFormat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The speech endpoint failed (status {Status}; 0 unreachable, -1 not a PCM16 WAV); the next engine speaks")]
    private static partial void LogFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The speech endpoint did not answer within {Seconds} s; the next engine speaks")]
    private static partial void LogTimedOut(ILogger logger, int seconds);
}
