using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Minwon.Core.Voice;

namespace Minwon.Server.Features.Speech;

/// <summary>
/// An OpenAI-compatible transcription endpoint (whisper.cpp server, faster-whisper servers, vLLM): POST multipart/form-data
/// with <c>file</c> (the utterance as WAV), <c>model</c>, <c>language</c> and <c>response_format=json</c>; the answer
/// is <c>{"text": "..."}</c>. Anything else (an error status, HTML, JSON without a text, an absurdly long text) is a
/// failure of that utterance, not of the call.
/// </summary>
public sealed class OpenAiSpeechToText(HttpClient http, IOptions<SpeechOptions> options) : ISpeechToText
{
    public const int MaxTextLength = 2000;

    public string Name => "openai";

    public async Task<Recognition> TranscribeAsync(SpeechClip clip, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!Uri.TryCreate(o.OpenAi.Url, UriKind.Absolute, out var url))
        {
            throw new SpeechEngineException("Minwon:Speech:OpenAi:Url is not an absolute address.");
        }

        using var form = new MultipartFormDataContent();
        var wav = new ByteArrayContent([.. Wav.Header(clip.SampleRate, 1, clip.Samples.Length * 2L), .. Pcm.ToBytes(clip.Samples)]);
        wav.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(wav, "file", "utterance.wav");
        form.Add(new StringContent(o.OpenAi.Model), "model");
        form.Add(new StringContent(clip.Language), "language");
        form.Add(new StringContent("json"), "response_format");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (o.OpenAi.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.OpenAi.ApiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SpeechEngineException("The transcription endpoint could not be reached.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SpeechEngineException($"The transcription endpoint answered {(int)response.StatusCode}.");
            }

            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                if (json.RootElement.ValueKind != JsonValueKind.Object
                    || !json.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    throw new SpeechEngineException("The transcription endpoint answered JSON without a text.");
                }

                var value = text.GetString()!.Trim();
                if (value.Length > MaxTextLength)
                {
                    throw new SpeechEngineException($"The transcription endpoint answered {value.Length} characters for one utterance.");
                }

                return new Recognition(value);
            }
            catch (JsonException ex)
            {
                throw new SpeechEngineException("The transcription endpoint did not answer JSON.", ex);
            }
        }
    }
}
